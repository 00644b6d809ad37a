package dev.unibar.ui;

import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A connector the test drives: it records every command and lets the test push events. */
final class FakeConnector implements Connector {

    static final String VENDOR = "fake";

    final List<Command> commands = new CopyOnWriteArrayList<>();
    private final Capabilities caps;
    private volatile Sink sink;
    private volatile Function<Command, CompletionStage<Void>> responder =
            c -> CompletableFuture.completedFuture(null);

    /** Whether the fake vendor's configuration names a recordings folder. */
    volatile boolean recordingsFolder;

    FakeConnector(Capabilities caps) {
        this.caps = caps;
    }

    @Override
    public boolean hasRecordingsFolder() {
        return recordingsFolder;
    }

    /** Every command except the given ones, each in the phase a real vendor accepts it. */
    static Capabilities capabilitiesWithout(CommandKind... missing) {
        return capabilitiesWithout(false, missing);
    }

    /** As above; {@code identifyWhileReady} lets the agent change phones while working, as UCS does. */
    static Capabilities capabilitiesWithout(boolean identifyWhileReady, CommandKind... missing) {
        return builderWithout(identifyWhileReady, missing).build();
    }

    /** As above, left open for flags such as {@code requiresTarget}. */
    static Capabilities.Builder builderWithout(boolean identifyWhileReady, CommandKind... missing) {
        Set<CommandKind> skip = missing.length == 0 ? EnumSet.noneOf(CommandKind.class) : EnumSet.of(missing[0], missing);
        Capabilities.Builder b = Capabilities.builder();
        for (CommandKind k : CommandKind.values()) {
            if (skip.contains(k)) continue;
            switch (k) {
                case LOGIN, SSO -> b.allow(k, SessionPhase.CREDENTIALS);
                case SELECT_DEVICE -> b.allow(k, SessionPhase.DEVICE_SELECTION, SessionPhase.DEVICE_PAIRED);
                case PROVISION -> b.allow(k, SessionPhase.DEVICE_PAIRED);
                case IDENTIFY -> {
                    if (identifyWhileReady) b.allow(k, SessionPhase.DEVICE_PAIRED, SessionPhase.READY);
                    else b.allow(k, SessionPhase.DEVICE_PAIRED);
                }
                default -> b.allow(k, SessionPhase.READY);
            }
        }
        return b;
    }

    @Override
    public String vendor() {
        return VENDOR;
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

    void respondWith(Function<Command, CompletionStage<Void>> r) {
        responder = r;
    }

    void push(Event... events) {
        sink.events("{\"fake\":\"" + events[0].type() + "\"}", List.of(events));
    }

    void pushRaw(String raw, Event... events) {
        sink.events(raw, List.of(events));
    }

    /** The vendor's connection drops, comes back, ... */
    void connection(ConnectionStatus status) {
        sink.connection(status);
    }

    void malformed(String raw, String reason) {
        sink.malformed(raw, reason);
    }

    <T extends Command> List<T> recorded(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Command c : commands) if (type.isInstance(c)) out.add(type.cast(c));
        return out;
    }
}
