package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.model.Notices;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.concurrent.CompletionStage;

/**
 * A conference the agent asks for with a number during a plain call. AgentDesktop conferences only from a
 * consultation: its Transfer_Complete_Conference joins the held caller and the consulted party [seed 001]. So the
 * bar does it in the vendor's two steps, as an agent would in AgentDesktop: it consults the number, and once that
 * leg is ESTABLISHED it completes the consultation as a conference (decision 0067). The agent's command is done
 * when the second step is; it fails with a keyed sentence if the consulted party's leg or the call ends first.
 */
final class ConsultThenConference {

    private record Pending(String number, CompletableFuture<Void> done) {
    }

    /** By the held call's contact id. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Remembers that {@code mainId}'s consultation with {@code number} is to become a conference. */
    CompletableFuture<Void> expect(String mainId, String number) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Pending old = pending.put(mainId, new Pending(number, done));
        if (old != null) old.done().completeExceptionally(new Notices.Refusal("agentdesktop.conferenceNotJoined", old.number()));
        return done;
    }

    /** The consultation could not start (or the wait ended): {@code done} is no longer waited for. */
    void forget(String mainId, CompletableFuture<Void> done) {
        pending.computeIfPresent(mainId, (k, p) -> p.done() == done ? null : p);
    }

    /**
     * After the book has read {@code line}: the consulted party answered (the second step is sent with
     * {@code complete}(main, leg)), or the leg or the call ended first (the command fails).
     */
    void observe(JsonNode line, ContactBook book, BiFunction<String, String, CompletionStage<Void>> complete) {
        if (pending.isEmpty()) return;
        String event = AgentDesktopMapper.text(line, "event");
        String id = AgentDesktopMapper.text(line, "id");
        if (event == null || id == null) return;
        String name = event.toUpperCase(Locale.ROOT);
        String main = book.mainOf(id);
        if (name.equals("ESTABLISHED") && main != null) {
            Pending p = pending.remove(main);
            if (p != null) complete.apply(main, id).whenComplete((x, err) -> {
                if (err != null) p.done().completeExceptionally(err);
                else p.done().complete(null);
            });
            return;
        }
        if (name.equals("CONNECTIONCLEARED")) {
            Pending p = pending.remove(pending.containsKey(id) ? id : main == null ? "" : main);
            if (p != null) p.done().completeExceptionally(new Notices.Refusal("agentdesktop.conferenceNotJoined", p.number()));
        }
    }

    /** The session stops: nothing will complete. */
    void clear() {
        pending.values().forEach(p -> p.done().completeExceptionally(new Notices.Refusal("agentdesktop.stopping")));
        pending.clear();
    }
}
