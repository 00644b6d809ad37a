package dev.unibar.connectors.ucs.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.unibar.simkit.Feed;
import dev.unibar.simkit.Replies;
import dev.unibar.simkit.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The pages connected to the simulator, whatever carries their messages: the WebSocket the fake script
 * opens, or the HTTP long poll where the WebView's WebSocket does not work. One {@link UcsSimState} per
 * page; the latest page that said hello is the one scenarios act on. The protocol is in
 * docs/simulators/ucs.md.
 */
final class UcsPages {

    private static final System.Logger LOG = System.getLogger(UcsPages.class.getName());
    static final long MAX_WAIT_MS = 20_000;
    static final long IDLE_CLOSE_MS = 60_000;

    private final UcsSimSettings settings;
    private final Clock clock;
    private final Consumer<Recorded> record;
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    private final Map<String, PollPage> polls = new ConcurrentHashMap<>();
    private volatile Page latest;
    private volatile Map<String, Object> lastHello = Map.of();
    private volatile Scheduler scheduler;

    UcsPages(UcsSimSettings settings, Clock clock, Consumer<Recorded> record) {
        this.settings = settings;
        this.clock = clock;
        this.record = record;
    }

    void scheduler(Scheduler s) {
        scheduler = s;
    }

    UcsSimState latestState() {
        Page p = latest;
        return p == null ? null : p.state;
    }

    Map<String, Object> hello() {
        return lastHello;
    }

    int count() {
        return pages.size();
    }

    void closeAll() {
        for (PollPage p : List.copyOf(polls.values())) closePoll(p.sid);
        for (Page p : pages) p.closed();
        pages.clear();
    }

    /** One connected page. */
    final class Page {
        private final Consumer<String> out;
        private final UcsSimState state = new UcsSimState(settings, (r, ms) -> scheduler.schedule(r, ms), clock, this::push, record);
        private volatile boolean open = true;

        Page(Consumer<String> out) {
            this.out = out;
            pages.add(this);
            latest = this;
        }

        @SuppressWarnings("unchecked")
        void onText(String text) {
            Map<String, Object> msg;
            try {
                msg = Replies.JSON.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                push("onWarning", List.of("UCS simulator: malformed message"));
                return;
            }
            if (msg.get("hello") instanceof Map<?, ?> h) {
                Map<String, Object> flags = new LinkedHashMap<>();
                h.forEach((k, v) -> {
                    if (v != null) flags.put(String.valueOf(k), v);
                });
                lastHello = Map.copyOf(flags);
                latest = this;
                state.connect(flags);
            } else if (msg.get("m") instanceof String method) {
                Object a = msg.get("a");
                state.handle(method, a instanceof List<?> l ? new ArrayList<>(l) : List.of());
                // Methods that push nothing (state, selectRingingSound) still change what state() returns.
                synchronized (state) {
                    send(Map.of("s", state.snapshot()));
                }
            } else {
                push("onWarning", List.of("UCS simulator: message has neither hello nor m"));
            }
        }

        void closed() {
            open = false;
            state.close();
            pages.remove(this);
            if (latest == this) latest = pages.isEmpty() ? null : pages.get(pages.size() - 1);
        }

        /** Called under the state's lock, so the snapshot matches the callback it rides with. */
        private void push(String callback, List<Object> args) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cb", callback);
            m.put("a", args);
            m.put("s", state.snapshot());
            send(m);
        }

        private void send(Map<String, Object> m) {
            if (!open) return;
            try {
                out.accept(Replies.JSON.writeValueAsString(m));
            } catch (JsonProcessingException e) {
                LOG.log(System.Logger.Level.WARNING, "UCS simulator could not encode a push", e);
            }
        }
    }

    /** The WebSocket transport. Public only because Jetty calls the listener methods reflectively. */
    public final class WsEndpoint implements Session.Listener.AutoDemanding {
        private volatile Session session;
        private Page page;

        WsEndpoint() {
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            page = new Page(text -> {
                Session ss = session;
                if (ss != null && ss.isOpen()) ss.sendText(text, Callback.NOOP);
            });
        }

        @Override
        public void onWebSocketText(String text) {
            page.onText(text);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            if (page != null) page.closed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, "UCS simulator websocket error", cause);
        }
    }

    /**
     * The long-poll transport: pushes wait in a numbered feed until the page fetches them. Needed because
     * JavaFX 21.0.5's WebView cannot open websockets (docs/simulators/ucs.md).
     */
    final class PollPage {
        final String sid = UUID.randomUUID().toString();
        private final Feed<String> buffer = new Feed<>(10_000);
        private volatile long lastSeen = System.nanoTime();
        final Page page;

        PollPage() {
            page = new Page(buffer::append);
        }

        /** Messages after {@code after} (a sequence number the page got from its previous poll). */
        Map<String, Object> poll(long after, long waitMs) throws InterruptedException {
            lastSeen = System.nanoTime();
            Feed.Batch<String> b = buffer.read(after, -1, Duration.ofMillis(waitMs));
            List<Object> messages = new ArrayList<>();
            for (Feed.Entry<String> e : b.entries()) messages.add(new RawValue(e.item()));
            lastSeen = System.nanoTime();
            return Map.of("next", b.next(), "messages", messages);
        }

        boolean idle() {
            return System.nanoTime() - lastSeen > IDLE_CLOSE_MS * 1_000_000;
        }

        /** Not synchronized around page.closed(): a push holds the state's lock and then wants the feed's. */
        void close() {
            page.closed();
            buffer.close();
        }
    }

    WsEndpoint newSocket() {
        return new WsEndpoint();
    }

    PollPage openPoll() {
        PollPage p = new PollPage();
        polls.put(p.sid, p);
        return p;
    }

    PollPage poll(String sid) {
        return polls.get(sid);
    }

    void closePoll(String sid) {
        PollPage p = polls.remove(sid);
        if (p != null) p.close();
    }

    void reapIdlePolls() {
        for (PollPage p : List.copyOf(polls.values())) {
            if (p.idle()) closePoll(p.sid);
        }
    }
}
