package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.Presentation;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The state pill where the vendor lets the bar change the state: the agent's situation in one word and colour
 * ({@link SituationLook}) and the menu to change it (Ready, each pause reason, Offline), also reached with the
 * keyboard (Tab) and from the Session menu ({@link #menuItems}).
 */
final class StateSelector extends MenuButton {

    private final BarViewModel vm;
    private final Messages msg;

    StateSelector(BarViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
        setId("stateSelector");
        getStyleClass().addAll("state-selector", SituationLook.BASE);
        setMinWidth(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);
        setFocusTraversable(true);
        setMnemonicParsing(false);
        setAccessibleHelp(msg.get("state.change"));
        disableProperty().bind(vm.enabledProperty(CommandKind.SET_STATE).not());
        Ui.visible(this, vm.supportedProperty(CommandKind.SET_STATE));
        Ui.tip(this, Bindings.createStringBinding(() -> SituationLook.detail(msg, vm.presentationProperty().get()),
                vm.presentationProperty()));
        vm.presentationProperty().addListener((o, a, p) -> SituationLook.apply(this, msg, p));
        SituationLook.apply(this, msg, vm.presentationProperty().get());
        vm.pauseReasons().addListener((ListChangeListener<PauseReason>) c -> getItems().setAll(menuItems(vm, msg, "")));
        getItems().setAll(menuItems(vm, msg, ""));
    }

    /**
     * Ready, each pause reason (or "Not ready" where the vendor lists none), Offline: the pill's menu, and with
     * {@code idPrefix} "menu-" the Session menu's state entries. Each acts only when the state may change now.
     */
    static List<MenuItem> menuItems(BarViewModel vm, Messages msg, String idPrefix) {
        List<MenuItem> out = new ArrayList<>();
        out.add(item(vm, idPrefix + "state-READY", msg.get("state.READY"), vm::ready));
        if (vm.pauseReasons().isEmpty()) {
            out.add(item(vm, idPrefix + "state-NOT_READY", msg.get("state.NOT_READY"), () -> vm.pause(null)));
        } else {
            for (PauseReason r : vm.pauseReasons()) {
                String text = r.label() != null ? r.label() : r.id();
                boolean productive = Boolean.TRUE.equals(r.productive());
                if (productive) text = msg.format("state.reasonProductive", text);
                String id = r.id();
                MenuItem item = item(vm, idPrefix + "reason-" + safeId(id),
                        msg.format("state.withReason", msg.get("state.NOT_READY"), text), () -> vm.pause(id));
                item.getStyleClass().add(productive ? "productive" : "unproductive");
                out.add(item);
            }
        }
        out.add(new SeparatorMenuItem());
        out.add(item(vm, idPrefix + "state-OFFLINE", msg.get("state.OFFLINE"), vm::offline));
        return out;
    }

    private static MenuItem item(BarViewModel vm, String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        item.disableProperty().bind(vm.enabledProperty(CommandKind.SET_STATE).not());
        item.setOnAction(e -> {
            if (vm.isEnabled(CommandKind.SET_STATE)) action.run();
        });
        return item;
    }

    private static String safeId(String s) {
        return s == null ? "none" : s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The current presentation, for tests. */
    Presentation presentation() {
        return vm.presentationProperty().get();
    }

    @Override
    protected double computePrefWidth(double height) {
        return SituationLook.fixedWidth(this, super.computePrefWidth(height), getText(), msg);
    }
}
