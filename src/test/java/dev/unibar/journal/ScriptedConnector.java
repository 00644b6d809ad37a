package dev.unibar.journal;

import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;
import dev.unibar.core.state.ConnectionStatus;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A connector the test plays: what it emits goes through the session as a vendor's events would. */
final class ScriptedConnector implements Connector {

    private volatile Sink sink;

    @Override
    public String vendor() {
        return "epbx";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.builder().build();
    }

    @Override
    public void start(Sink sink) {
        this.sink = sink;
        sink.connection(ConnectionStatus.CONNECTED);
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stop() {
    }

    /** Returns once the session (and so the journal listening to it) has taken the events. */
    void emit(Event... events) {
        sink.events(null, List.of(events));
    }

    /** A whole inbound call, event by event: ring, answer, hold, resume, end. */
    static List<Event> call(String id, Instant t0) {
        Call c = new Call(id, Direction.INBOUND, new Party("11987654" + id.replaceAll("\\D", ""), null), null,
                QueueRef.of("5", "Vendas", null), null, null, null, null);
        return List.of(new Event.CallRinging("epbx", t0, id, c),
                new Event.CallConnected("epbx", t0.plusSeconds(2), id, null),
                new Event.CallHeld("epbx", t0.plusSeconds(10), id),
                new Event.CallResumed("epbx", t0.plusSeconds(15), id),
                new Event.CallEnded("epbx", t0.plusSeconds(30), id, "caller_hangup"));
    }
}
