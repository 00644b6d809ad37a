package dev.unibar.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.bridge.OriginPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which web origins the agent let see calls and dial (decision 0041), as a browser remembers a site's microphone:
 * an origin the config allows asks once, the agent answers in the bar, an approval is kept (a private file beside
 * the token) until revoked there; a denial holds for this run of the bar, so a page cannot nag by reconnecting.
 * An origin the config does not list is never asked about, whatever the file says. Thread-safe.
 */
public final class Pairings {

    private static final System.Logger LOG = System.getLogger(Pairings.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum State {
        /** The config does not list it: refused before anything else. */
        NOT_ALLOWED,
        /** Listed, never asked (or revoked, or forgotten after a denial). */
        UNASKED,
        /** The agent has been asked and has not answered. */
        PENDING,
        APPROVED,
        DENIED
    }

    /** An origin's state changed (a prompt to show or hide, connections to open or close). */
    public record Change(String origin, State state) {
    }

    private final Set<String> allowed = new LinkedHashSet<>();
    private final Path file;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** @param file where approvals are kept; null keeps them for this run only (tests) */
    public Pairings(Collection<String> allowedOrigins, Path file) {
        for (String o : allowedOrigins) OriginPolicy.normalize(o).ifPresent(allowed::add);
        this.file = file;
        for (String o : load(file)) {
            if (allowed.contains(o)) states.put(o, State.APPROVED);
        }
    }

    /** The origin as the server compares it (scheme://host[:port], lower case, default port left out), if it is one. */
    public static Optional<String> normalize(String origin) {
        return origin == null ? Optional.empty() : OriginPolicy.normalize(origin);
    }

    public synchronized State state(String origin) {
        Optional<String> n = normalize(origin);
        if (n.isEmpty() || !allowed.contains(n.get())) return State.NOT_ALLOWED;
        return states.getOrDefault(n.get(), State.UNASKED);
    }

    /** Asks the agent about an allowed origin that was never asked; returns its state after. */
    public State request(String origin) {
        Change c;
        synchronized (this) {
            State s = state(origin);
            if (s != State.UNASKED) return s;
            String n = normalize(origin).orElseThrow();
            states.put(n, State.PENDING);
            c = new Change(n, State.PENDING);
        }
        publish(c);
        return State.PENDING;
    }

    public void approve(String origin) {
        set(origin, State.APPROVED);
    }

    public void deny(String origin) {
        set(origin, State.DENIED);
    }

    /** Takes an approval back (its connections close) or forgets a denial: the origin may ask again. */
    public void revoke(String origin) {
        set(origin, State.UNASKED);
    }

    /** The configured origins with their states, in config order. */
    public synchronized Map<String, State> all() {
        Map<String, State> out = new LinkedHashMap<>();
        for (String o : allowed) out.put(o, states.getOrDefault(o, State.UNASKED));
        return out;
    }

    public synchronized List<String> pending() {
        List<String> out = new ArrayList<>();
        states.forEach((o, s) -> {
            if (s == State.PENDING) out.add(o);
        });
        return out;
    }

    /** Told of every change, on the thread that made it (the FX thread for the agent's answers). */
    public void subscribe(Consumer<Change> l) {
        listeners.add(l);
    }

    public void unsubscribe(Consumer<Change> l) {
        listeners.remove(l);
    }

    private void set(String origin, State to) {
        Change c;
        synchronized (this) {
            Optional<String> n = normalize(origin);
            if (n.isEmpty() || !allowed.contains(n.get())) return;
            State before = states.getOrDefault(n.get(), State.UNASKED);
            if (before == to) return;
            if (to == State.UNASKED) states.remove(n.get());
            else states.put(n.get(), to);
            if (before == State.APPROVED || to == State.APPROVED) save();
            c = new Change(n.get(), to);
        }
        publish(c);
    }

    private void publish(Change c) {
        for (Consumer<Change> l : listeners) l.accept(c);
    }

    private void save() {
        if (file == null) return;
        ObjectNode root = JSON.createObjectNode();
        var a = root.putArray("approved");
        states.forEach((o, s) -> {
            if (s == State.APPROVED) a.add(o);
        });
        try {
            ApiToken.writePrivately(file, root.toString());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Approved origins not saved (" + e.getMessage()
                    + "): the agent is asked again after a restart");
        }
    }

    private static List<String> load(Path file) {
        List<String> out = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) return out;
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            for (JsonNode o : root.path("approved")) {
                if (o.isTextual()) OriginPolicy.normalize(o.asText()).ifPresent(out::add);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Approved origins unreadable (" + e.getMessage()
                    + "): the agent is asked again");
        }
        return out;
    }
}
