package dev.unibar.localapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.core.Session;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.Reducer;
import dev.unibar.json.EventJson;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The event stream of the API: every normalized event the session's connector reports (vendor.unmapped aside),
 * numbered, with the agent state derived from them and the commands the bar would accept after them, sent to
 * every paired client. A client that joins gets a snapshot carrying the number of the last event it reflects;
 * the next event it receives is that number plus one, so a gap means something was missed.
 *
 * <p>The feed folds the same events into a state of its own with the bar's reducer, under the lock that numbers
 * and sends them: a snapshot and the numbers after it can never disagree, which reading the bar's store (updated
 * just after the inspector hears an event) would not guarantee. Sending only queues the text on each client.
 */
final class ApiFeed implements AutoCloseable {

    /** Where one client's messages go; false when it could not take one (it is then closed). */
    interface Link {
        boolean send(String text);
    }

    private final Session session;
    private final Clock clock;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Consumer<InspectorEntry> inspectorListener = this::entry;
    private final Consumer<BarState> storeListener = this::store;
    private BarState state;
    private long seq;

    /** The disposition codes a CRM may give (the bar's own list), shown in every snapshot. */
    private final List<String> codes;

    ApiFeed(Session session, Clock clock, List<String> codes) {
        this.session = session;
        this.codes = List.copyOf(codes);
        this.clock = clock;
        this.state = session.store().state();
        session.inspector().subscribe(inspectorListener);
        session.store().subscribe(storeListener);
    }

    private void entry(InspectorEntry e) {
        if (e.kind() == InspectorEntry.Kind.MAPPED && !e.events().isEmpty()) events(e.events());
    }

    synchronized void events(List<Event> events) {
        for (Event e : events) {
            state = Reducer.reduce(state, e, clock.instant());
            if (e instanceof Event.VendorUnmapped) continue;
            broadcast(event(e));
        }
    }

    /** The vendor connection went up or down: not an event of the vendor's, but a CRM wants to know. */
    private synchronized void store(BarState s) {
        if (s.connection() == state.connection()) return;
        state = Reducer.withConnection(state, s.connection());
        ObjectNode ev = EventJson.MAPPER.createObjectNode().put("type", "session.connection").put("vendor", s.vendor())
                .put("status", s.connection().name());
        broadcast(ev);
    }

    /** An event the bar makes itself (a disposition saved, a call logged): numbered in the same stream. */
    synchronized void extra(ObjectNode event) {
        broadcast(event);
    }

    /** Sends the hello with the snapshot, then everything after it. */
    synchronized void join(Link link) {
        ObjectNode hello = EventJson.MAPPER.createObjectNode();
        hello.put("type", "hello");
        hello.put("version", 1);
        hello.put("seq", seq);
        hello.set("snapshot", ApiState.snapshot(state, session.connector().capabilities(), codes));
        if (link.send(hello.toString())) links.add(link);
    }

    void leave(Link link) {
        links.remove(link);
    }

    synchronized ObjectNode snapshot() {
        return ApiState.snapshot(state, session.connector().capabilities(), codes);
    }

    synchronized BarState state() {
        return state;
    }

    int clients() {
        return links.size();
    }

    private static ObjectNode event(Event e) {
        ObjectNode n = EventJson.toNode(e);
        // A recording's address may carry the vendor's token: the API says only that there is one.
        if (e instanceof Event.CallRecording) {
            n.remove("url");
            n.put("available", true);
        }
        return n;
    }

    private void broadcast(ObjectNode event) {
        seq++;
        ObjectNode m = EventJson.MAPPER.createObjectNode();
        m.put("type", "event");
        m.put("seq", seq);
        m.set("event", event);
        m.put("derivedState", ApiState.derived(state));
        m.set("allowed", ApiState.allowed(session.connector().capabilities(), state));
        String text = m.toString();
        for (Link l : links) {
            if (!l.send(text)) links.remove(l);
        }
    }

    @Override
    public void close() {
        session.inspector().unsubscribe(inspectorListener);
        session.store().unsubscribe(storeListener);
        links.clear();
    }
}
