package dev.unibar.core;

import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.Inspector;
import dev.unibar.core.model.CallEnd;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.BarStore;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.command.Guard;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One running connector wired to the bar's state and the inspector. This is what the UI holds: it
 * reads {@link #store()} and {@link #inspector()}, and sends commands through {@link #send}, which
 * refuses what the guard forbids so a stale click cannot reach the vendor in the wrong state.
 */
public final class Session implements Connector.Sink {

    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private final Connector connector;
    private final BarStore store;
    private final Inspector inspector;
    /** Reasons already logged: a vendor that sends the same bad message a thousand times logs it once. */
    private final Set<String> loggedProblems = ConcurrentHashMap.newKeySet();
    /** Told of every command the guard let through, before the vendor gets it (a flow recorder). */
    private final List<Consumer<Command>> commandListeners = new CopyOnWriteArrayList<>();

    /** The vendor's end causes in the common vocabulary (decision 0055): what the bar says when a call ends. */
    private final Map<String, CallEnd> endCauses;

    public Session(Connector connector, Clock clock) {
        this(connector, clock, Map.of());
    }

    public Session(Connector connector, Clock clock, Map<String, CallEnd> endCauses) {
        this.connector = connector;
        this.store = new BarStore(connector.vendor(), clock);
        this.inspector = new Inspector(5_000, clock);
        this.endCauses = Map.copyOf(endCauses);
    }

    /** The vendor's table from its end causes to the common vocabulary ({@code VendorModule.endCauses()}). */
    public Map<String, CallEnd> endCauses() {
        return endCauses;
    }

    public void start() {
        connector.start(this);
    }

    public void stop() {
        connector.stop();
    }

    public Connector connector() {
        return connector;
    }

    public BarStore store() {
        return store;
    }

    public Inspector inspector() {
        return inspector;
    }

    public CompletionStage<Void> send(Command command) {
        if (!Guard.allowed(connector.capabilities(), store.state(), command.kind())) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    command.kind() + " is not allowed in " + store.state().phase()));
        }
        inspector.command(connector.vendor(), command.toString());
        for (Consumer<Command> l : commandListeners) l.accept(command);
        return connector.send(command).whenComplete((ok, err) -> {
            if (err != null) {
                Throwable cause = Failures.unwrap(err);
                store.apply(cause instanceof Notices.Refusal r
                        ? new Event.Notice(connector.vendor(), null, NoticeLevel.ERROR, r.getMessage(), r.key(), r.args())
                        : new Event.Notice(connector.vendor(), null, NoticeLevel.ERROR, cause.getMessage()));
            }
        });
    }

    /** Hears every command the bar sends, on the sender's thread; the command may hold a password: never log it. */
    public void addCommandListener(Consumer<Command> l) {
        commandListeners.add(l);
    }

    public void removeCommandListener(Consumer<Command> l) {
        commandListeners.remove(l);
    }

    @Override
    public void events(String raw, List<Event> events) {
        inspector.mapped(connector.vendor(), raw, events);
        store.apply(events);
    }

    @Override
    public void connection(ConnectionStatus status) {
        store.connection(status);
    }

    @Override
    public void malformed(String raw, String reason) {
        inspector.malformed(connector.vendor(), raw, reason);
        if (loggedProblems.add(reason)) {
            // Raw and reason are the vendor's text: escaped and cut like translate's stderr, never raw.
            LOG.log(System.Logger.Level.WARNING, "Malformed " + connector.vendor() + " event (" + Printable.of(reason)
                    + "): " + Printable.of(raw) + " — further ones with this reason are counted in the inspector only");
        }
    }

    @Override
    public void dropped(String raw, String reason) {
        inspector.dropped(connector.vendor(), raw, reason);
        if (loggedProblems.add(reason)) LOG.log(System.Logger.Level.WARNING, "Dropped message: " + Printable.of(reason));
    }
}
