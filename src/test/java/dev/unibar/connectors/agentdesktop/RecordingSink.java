package dev.unibar.connectors.agentdesktop;

import dev.unibar.core.Connector;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a connector reported, for tests: every event, and the lines it read (with their events or why not). */
final class RecordingSink implements Connector.Sink {

    final List<Event> events = new CopyOnWriteArrayList<>();
    /** The events that came from vendor lines (not the connector's own, such as "widget ready"). */
    final List<Event> lineEvents = new CopyOnWriteArrayList<>();
    /** The raw line of each vendor message, in order. */
    final List<String> raws = new CopyOnWriteArrayList<>();
    final List<String> malformed = new CopyOnWriteArrayList<>();

    @Override
    public void events(String raw, List<Event> e) {
        if (raw != null) {
            raws.add(raw);
            lineEvents.addAll(e);
        }
        events.addAll(e);
    }

    @Override
    public void connection(ConnectionStatus status) {
    }

    @Override
    public void malformed(String raw, String reason) {
        raws.add(raw);
        malformed.add(reason);
    }
}
