package dev.unibar.connectors.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.webbar.Origins;
import dev.unibar.connectors.webbar.WebBarConnector;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.ConnectionStatus;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * NICE MAX as seen from Unibar's hidden child frame (decision 0011): loads MAX in the vendor panel, keeps
 * a child frame in it, subscribes with {@code RegisterForClientEvents} once per child, and drives calls
 * with MAX's command messages.
 *
 * <p>MAX answers a second registration from the same window with silence, so a child registers at
 * most once; it unregisters before a reload and on stop, and a missing acknowledgement is reported
 * after the configured time-out. The {@code sessioninfo} token is kept in memory and removed from
 * every capture before it goes anywhere.
 */
public final class MaxConnector extends WebBarConnector {

    public static final String VENDOR = MaxMapper.VENDOR;
    static final String ISSUER = "Unibar";
    private static final long WATCH_MS = 500;

    private final MaxConfig config;
    private final MaxMapper mapper;
    private final boolean webRtc;
    /** Where MAX answers from: its own origin and the configured ones, as the bridge reports origins. */
    private final Set<String> maxOrigins = new HashSet<>();
    private final Capabilities capabilities = MaxCapabilities.of();
    private final MaxObserved observed = new MaxObserved();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "max-connector");
        t.setDaemon(true);
        return t;
    });
    /** Whether the current child has sent its one registration (reset only with a new child). */
    private volatile boolean registered;
    private volatile boolean acknowledged;
    private volatile String sessionToken;
    private ScheduledFuture<?> watch;
    private ScheduledFuture<?> ackTimer;

    /** @param page MAX's own page ({@link WebPage#vendor}), at {@link MaxConfig#url()} */
    public MaxConnector(MaxConfig config, WebPage page) {
        this(config, page, false);
    }

    /** @param webRtc whether the page host carries MAX's integrated WebRTC softphone (the browser window does) */
    public MaxConnector(MaxConfig config, WebPage page, boolean webRtc) {
        this(config, page, webRtc, new MaxMapper());
    }

    private MaxConnector(MaxConfig config, WebPage page, boolean webRtc, MaxMapper mapper) {
        super(page, mapper);
        this.mapper = mapper;
        this.config = config;
        this.webRtc = webRtc;
        maxOrigins.addAll(Origins.trusted(config.trustedOrigins(), config.origin()));
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * Whether MAX's live call events reach a child with these subscriptions: NICE's messenger routes by the
     * camelCase {@code contactId} those events do not carry, so only {@code all} and {@code agent} see them
     * (docs/vendors/max.md, "Routing").
     */
    static boolean seesCalls(List<String> types) {
        return types.stream().anyMatch(t -> t.equalsIgnoreCase("all") || t.equalsIgnoreCase("agent"));
    }

    /** The agent's session token, when subscribed to {@code sessioninfo}; never logged or shown. */
    String sessionToken() {
        return sessionToken;
    }

    @Override
    protected synchronized void starting(Sink sink) {
        if (!seesCalls(config.subscriptionTypes())) {
            sink.events(null, List.of(Event.Notice.keyed(VENDOR, null, NoticeLevel.WARNING, "max.subscriptionSeesNoCalls",
                    String.join(", ", config.subscriptionTypes()))));
        }
        watch = timer.scheduleWithFixedDelay(this::keepChild, WATCH_MS, WATCH_MS, TimeUnit.MILLISECONDS);
    }

    /** MAX's session starts with its page: the child of the reloaded page registers anew (decision 0028). */
    @Override
    protected boolean restartsByReload() {
        return true;
    }

    /** The new page's snapshot tells each contact's status anew: the bar re-learns its calls from it. */
    @Override
    protected void pageLoaded(boolean reload) {
        if (reload) mapper.newPage();
    }

    /**
     * A registration is answered with the acknowledgement and, in the same batch, the snapshot: the agent state and
     * the contacts MAX has now ([X1], docs/vendors/max.md): after a new page that batch is MAX's whole truth.
     */
    @Override
    protected boolean relearnedBy(List<Event> events) {
        return events.stream().anyMatch(e -> e instanceof Event.SessionReady);
    }

    @Override
    protected boolean audioInPage() {
        return webRtc;
    }

    /** Unregisters first, as MAX asks of a window that goes away. */
    @Override
    protected void reloading() {
        unregister();
    }

    @Override
    protected synchronized void stopping() {
        if (watch != null) watch.cancel(false);
        cancelAckTimer();
        unregister();
        timer.shutdown();
        sessionToken = null;
    }

    /** A new child means a new MAX page: its subscription died with the old page, so register once. */
    private void keepChild() {
        try {
            String r = channel().call(MaxChildFrame.ensure(config.origin())).toCompletableFuture().get(5, TimeUnit.SECONDS);
            if ("new".equals(r)) onNewChild();
        } catch (Exception e) {
            // The page is loading or gone; the next round tries again.
        }
    }

    private synchronized void onNewChild() {
        registered = false;
        acknowledged = false;
        register();
    }

    private synchronized void register() {
        if (registered) return; // MAX would not answer a second registration from this window
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageType", "RegisterForClientEvents");
        m.put("issuer", ISSUER);
        m.put("subscriptionTypes", config.subscriptionTypes());
        registered = true;
        channel().call(MaxChildFrame.send(m));
        cancelAckTimer();
        ackTimer = timer.schedule(this::ackMissing, config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void unregister() {
        if (!registered) return;
        channel().call(MaxChildFrame.send(Map.of("messageType", "UnregisterFromClientEvents", "issuer", ISSUER)));
        registered = false;
        acknowledged = false;
    }

    private void ackMissing() {
        if (acknowledged || !registered) return;
        Event.Notice n = Event.Notice.keyed(VENDOR, null, NoticeLevel.ERROR, "max.ackTimeout", config.ackTimeout().toSeconds());
        tell(Event.SessionError.keyed(VENDOR, null, "ack-timeout", "max.ackTimeout", config.ackTimeout().toSeconds()), n);
    }

    private void cancelAckTimer() {
        if (ackTimer != null) ackTimer.cancel(false);
        ackTimer = null;
    }

    @Override
    public CompletionStage<Void> send(Command c) {
        Map<String, Object> message = message(c);
        if (message == null) return CompletableFuture.failedFuture(new Notices.Refusal("max.notNow", c.kind()));
        return channel().call(MaxChildFrame.send(message)).thenApply(r -> {
            if (!"true".equals(r)) throw new Notices.Refusal("max.notLoaded");
            return null;
        });
    }

    /** What to post to MAX for a command, or null when MAX would not do it now. */
    Map<String, Object> message(Command c) {
        if (c instanceof Command.ContactCard card) return contactCard(card);
        String type = messageType(c);
        return type == null ? null : Map.of("messageType", type, "issuer", ISSUER);
    }

    /**
     * {@code ContactCardData} as the seed gives it: {@code contactCardData: {name, userImg}} and the contact's
     * integer id (a child outside a contact panel must name it). MAX sends no answer.
     */
    private Map<String, Object> contactCard(Command.ContactCard card) {
        if (card.name() == null || card.name().isBlank() || !observed.isKnown(card.callId())) return null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", card.name());
        if (card.imageUrl() != null) data.put("userImg", card.imageUrl());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageType", "ContactCardData");
        m.put("issuer", ISSUER);
        m.put("contactId", contactId(card.callId()));
        m.put("contactCardData", data);
        return m;
    }

    /** MAX's contact ids are integers; one that is not (never seen) goes as MAX gave it. */
    private static Object contactId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    /** The MAX message for a command, or null when MAX's toggle would not do what was asked. */
    String messageType(Command c) {
        if (c instanceof Command.Answer x) return observed.isRinging(x.callId()) ? "AnswerEvent" : null;
        if (c instanceof Command.Reject x) return observed.isRinging(x.callId()) ? "RefuseEvent" : null;
        if (c instanceof Command.Hangup x) return observed.isLive(x.callId()) ? "HangupEvent" : null;
        if (c instanceof Command.Hold x) return observed.isLive(x.callId()) && !observed.isHeld(x.callId()) ? "HoldEvent" : null;
        if (c instanceof Command.Resume x) return observed.isHeld(x.callId()) ? "HoldEvent" : null;
        if (c instanceof Command.Mute) return observed.isLive(null) && !observed.isMuted() ? "MuteEvent" : null;
        if (c instanceof Command.Unmute) return observed.isMuted() ? "MuteEvent" : null;
        if (c instanceof Command.Mask x) return observed.isLive(x.callId()) && !observed.isHeld(x.callId())
                && !observed.isMasked(x.callId()) ? "MaskEvent" : null;
        if (c instanceof Command.Unmask x) return observed.isMasked(x.callId()) ? "MaskEvent" : null;
        // One-shot: a second RecordEvent would do nothing, so it is never sent.
        if (c instanceof Command.StartRecording x) return observed.isLive(x.callId()) && !observed.isRecording(x.callId())
                ? "RecordEvent" : null;
        return null;
    }

    /** Only MAX's own messages, from MAX's origins: not ours to MAX, echoed, nor MAX's internal traffic. */
    @Override
    protected Screen screen(String origin, JsonNode line) {
        return MaxMapper.isFromMax(line) && maxOrigins.contains(origin) ? Screen.MAP : Screen.SKIP;
    }

    @Override
    protected String redact(JsonNode line, String raw) {
        return keepToken(line) ? line.toString() : raw;
    }

    @Override
    protected void deliver(Sink s, JsonNode line, String raw, List<Event> events) {
        boolean ready = false;
        Event.SessionError refused = null;
        for (Event e : events) {
            if (e instanceof Event.SessionReady) {
                acknowledged = true;
                ready = true;
                cancelAckTimer();
                if (!relearning()) s.connection(ConnectionStatus.CONNECTED);
            } else if (e instanceof Event.SessionError err) {
                refused = err;
                acknowledged = true;
                cancelAckTimer();
                registered = false; // MAX kept no reference: a corrected registration may be sent later
            }
        }
        observed.apply(events);
        super.deliver(s, line, raw, events);
        // The bar shows session errors on its login form, which MAX (signing in on its own page) never
        // opens: say it where the agent looks.
        if (refused != null) s.events(null, List.of(refused.key() != null
                ? Event.Notice.keyed(VENDOR, null, NoticeLevel.ERROR, refused.key(), refused.args().toArray())
                : Event.Notice.keyed(VENDOR, null, NoticeLevel.ERROR, "max.refused", refused.message())));
        if (ready) {
            // MAX takes no dial, transfer or agent-state command: say where the agent finds them.
            s.events(null, List.of(Event.Notice.keyed(VENDOR, null, NoticeLevel.INFO, "max.useMaxPanel")));
        }
    }

    /** Takes the session token out of the capture (in place) into memory; true when there was one. */
    private boolean keepToken(JsonNode line) {
        boolean found = false;
        for (JsonNode e : line.path("events")) {
            if (e instanceof ObjectNode o && "SessionInfo".equals(o.path("messageType").asText()) && o.has("sessionToken")) {
                sessionToken = o.path("sessionToken").asText();
                o.put("sessionToken", "******");
                found = true;
            }
        }
        return found;
    }
}
