package dev.unibar.localapi;

import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A vendor the test plays (it calls itself UCS, so the API's vendor ids hold): records commands, emits events. */
public final class TestVendor implements Connector {

    public final List<Command> commands = new CopyOnWriteArrayList<>();
    private final Capabilities caps;
    private volatile Sink sink;
    public volatile Function<Command, CompletionStage<Void>> responder = c -> CompletableFuture.completedFuture(null);

    public TestVendor(CommandKind... missing) {
        Set<CommandKind> skip = missing.length == 0 ? EnumSet.noneOf(CommandKind.class) : EnumSet.of(missing[0], missing);
        Capabilities.Builder b = Capabilities.builder();
        for (CommandKind k : CommandKind.values()) if (!skip.contains(k)) b.allow(k, SessionPhase.READY);
        caps = b.build();
    }

    @Override
    public String vendor() {
        return "ucs";
    }

    @Override
    public Capabilities capabilities() {
        return caps;
    }

    @Override
    public void start(Sink sink) {
        this.sink = sink;
        sink.connection(ConnectionStatus.CONNECTED);
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        commands.add(command);
        return responder.apply(command);
    }

    @Override
    public void stop() {
    }

    public void emit(Event... events) {
        sink.events(null, List.of(events));
    }

    /** Signed in, ready, agent "ana". */
    public void ready() {
        emit(new Event.SessionReady("ucs", null), new Event.AgentLoggedIn("ucs", null,
                new Agent("7", "Ana Souza", "ana", "201", null)), new Event.AgentStateChanged("ucs", null, AgentState.READY, null, null));
    }

    public static Call inbound(String id, String number, String name) {
        return new Call(id, Direction.INBOUND, new Party(number, name), new Party("201", null), null, null, null, null, null, null);
    }

    public void ring(String id, String number, String name) {
        emit(new Event.CallRinging("ucs", null, id, inbound(id, number, name)));
    }
}
