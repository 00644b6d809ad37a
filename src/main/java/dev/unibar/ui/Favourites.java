package dev.unibar.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The agent's favourite transfer targets, kept per operating-system user and vendor (Java preferences:
 * no file of ours to manage). The agent adds and removes them with the star in the transfer pop-over.
 */
final class Favourites {

    static final int MAX = 20;

    /** Where the list lives between runs. */
    interface Store {
        List<String> load();

        void save(List<String> numbers);
    }

    private final ObservableList<String> numbers = FXCollections.observableArrayList();
    private final ObservableList<String> view = FXCollections.unmodifiableObservableList(numbers);
    private final Store store;

    Favourites(Store store) {
        this.store = store;
        for (String n : store.load()) if (!n.isBlank() && !numbers.contains(n.trim())) numbers.add(n.trim());
    }

    /** The current OS user's list for one vendor. */
    static Favourites forUser(String vendor) {
        Preferences node = Preferences.userRoot().node("dev/unibar/favourites");
        String key = vendor == null || vendor.isBlank() ? "default" : vendor;
        return new Favourites(new Store() {
            @Override
            public List<String> load() {
                String v = node.get(key, "");
                return v.isEmpty() ? List.of() : Arrays.asList(v.split("\n"));
            }

            @Override
            public void save(List<String> list) {
                node.put(key, String.join("\n", list));
            }
        });
    }

    /** Kept in memory only (tests, or where preferences are not wanted). */
    static Favourites inMemory(List<String> initial) {
        List<String> held = new ArrayList<>(initial);
        return new Favourites(new Store() {
            @Override
            public List<String> load() {
                return List.copyOf(held);
            }

            @Override
            public void save(List<String> list) {
                held.clear();
                held.addAll(list);
            }
        });
    }

    ObservableList<String> numbers() {
        return view;
    }

    boolean contains(String number) {
        return number != null && numbers.contains(number.trim());
    }

    /** Adds the number, or removes it when it is already a favourite. */
    void toggle(String number) {
        if (number == null || number.isBlank()) return;
        String n = number.trim();
        if (!numbers.remove(n)) {
            if (numbers.size() >= MAX) return;
            numbers.add(n);
        }
        store.save(List.copyOf(numbers));
    }
}
