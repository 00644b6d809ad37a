package dev.unibar.connectors.webbar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.HostFallback;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.PageEvent;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.core.Connector;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.json.StrictJson;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector whose vendor bar is a web page, with what every such vendor shares written once. The vendor's
 * class says only what is its own: its commands, its shape checks, and what it makes of the page's life.
 *
 * <ul>
 * <li><b>Session.</b> {@link #start} says CONNECTING, lets the vendor say what it must at once
 * ({@link #starting}), listens to the page and loads it; {@link #stop} lets the vendor let go
 * ({@link #stopping}) and says DISCONNECTED. {@link #restartSession} loads the page again for a vendor whose
 * session starts with its page ({@link #restartsByReload}).</li>
 * <li><b>Captures.</b> A line from a trusted origin is screened ({@link #screen}: the vendor's shape, skipped, or
 * dropped with a reason), cleaned of secrets ({@link #redact}), mapped, and delivered ({@link #deliver}). A line
 * the mapper cannot read is reported malformed with its text; what the bridge found unreadable or untrusted is
 * reported as such. Unibar's own host page may signal the connector ({@link #hostSignal}).</li>
 * <li><b>The page's life</b>, seen in one place ({@link #page}), in order with the captures: every new
 * document is {@link #pageLoaded}, {@code reload} true from the second one on (a reload, a navigation back, a
 * reopened window, a restarted browser); a page closed, crashed or given up is {@link #pageGone}, which by
 * default tells the agent. Reconciling the bar with the vendor after a reload belongs in these two hooks.</li>
 * </ul>
 */
public abstract class WebBarConnector implements Connector, CaptureHandler {

    /** The key of a line Unibar's host page captures itself, e.g. {@code unibar.capture({unibarHost: 'frameLoaded'})}. */
    public static final String HOST_SIGNAL = "unibarHost";

    private final WebPage page;
    private final VendorMapper mapper;
    private final AtomicInteger documents = new AtomicInteger();
    private final Reconciler reconciler = new Reconciler();
    private volatile Sink sink;
    private volatile String hostOrigin;

    /** @param mapper the vendor's mapper, which names the vendor */
    protected WebBarConnector(WebPage page, VendorMapper mapper) {
        this.page = Objects.requireNonNull(page, "page");
        this.mapper = mapper;
    }

    @Override
    public final String vendor() {
        return mapper.vendor();
    }

    @Override
    public final void start(Sink s) {
        sink = Objects.requireNonNull(s, "sink");
        s.connection(ConnectionStatus.CONNECTING);
        starting(s);
        PageChannel channel = page.channel();
        if (channel == null) return;
        String url = page.url().get();
        if (page.hostPage()) hostOrigin = Origins.of(url);
        channel.setCaptureHandler(this);
        channel.load(url);
    }

    @Override
    public final void stop() {
        stopping();
        Sink s = sink;
        sink = null;
        if (s != null) s.connection(ConnectionStatus.DISCONNECTED);
    }

    /** Loads the page again, as on start, where the vendor's session starts with its page (else false). */
    @Override
    public final boolean restartSession() {
        PageChannel channel = page.channel();
        if (channel == null || !restartsByReload()) return false;
        reloading();
        channel.load(page.url().get());
        return true;
    }

    // ---- what a vendor may add ------------------------------------------------------------------------

    /** At start, before the page loads: what the agent must know at once, what the vendor starts beside the page. */
    protected void starting(Sink s) {
    }

    /** At stop, before DISCONNECTED is said: what the vendor lets go of. */
    protected void stopping() {
    }

    /** True for a vendor whose session starts over when its page loads again (MAX registers anew). */
    protected boolean restartsByReload() {
        return false;
    }

    /** Just before {@link #restartSession} loads the page again (MAX unregisters first, as it asks). */
    protected void reloading() {
    }

    /** False for a vendor whose events do not come through its page (they come another way, as AgentDesktop's). */
    protected boolean readsPage() {
        return true;
    }

    /** Whether a trusted line is the vendor's: by default every one is. */
    protected Screen screen(String origin, JsonNode line) {
        return Screen.MAP;
    }

    /** The line's raw text as the inspector and the log may see it; may change {@code line} in place. */
    protected String redact(JsonNode line, String raw) {
        return raw;
    }

    /** Hands a mapped line's events to the sink; a vendor that watches its events does it around this. */
    protected void deliver(Sink s, JsonNode line, String raw, List<Event> events) {
        s.events(raw, events);
    }

    /** A line Unibar's host page glue captured ({@link #HOST_SIGNAL}); ignored unless the vendor's page sends one. */
    protected void hostSignal(String signal, Sink s) {
    }

    /**
     * A new document in the page: the first ({@code reload} false), or any later one — a reload, a navigation back
     * to a trusted origin, a reopened window, a restarted browser. What the page showed before is gone with the old
     * document; the vendor's truth comes again from the new one. On the bridge thread, after every capture of the
     * old document and before any of the new one.
     */
    protected void pageLoaded(boolean reload) {
    }

    /**
     * After a new document, whether this batch of the vendor's events completes what its page re-announces on load
     * (its session and calls): the calls the bar held and the vendor did not announce again since the load then end
     * as {@code lost}, and the bar is CONNECTED again. False by default: a vendor says so here, or calls
     * {@link #relearned()} when its truth comes another way.
     */
    protected boolean relearnedBy(List<Event> events) {
        return false;
    }

    /** Whether the vendor's call audio lives in its page (a WebRTC softphone in the browser window). */
    protected boolean audioInPage() {
        return false;
    }

    /**
     * The page is gone: closed by the agent ({@link PageEvent.Kind#CLOSED}, until reopened), crashed and being
     * brought back ({@link PageEvent.Kind#CRASHED}), or given up ({@link PageEvent.Kind#FAILED}). By default the
     * agent is told; a vendor that says more (or other words) overrides it.
     */
    protected void pageGone(PageEvent.Kind why) {
        String key = "page." + why.name().toLowerCase(Locale.ROOT);
        if (why == PageEvent.Kind.CLOSED && !audioInPage()) key = "page.closed.paired";
        tell(Event.Notice.keyed(vendor(), null, why == PageEvent.Kind.FAILED ? NoticeLevel.ERROR : NoticeLevel.WARNING, key));
    }

    /**
     * Why the page is in the bar's WebView rather than its browser window (decision 0076), naming the browser the
     * agent has (or configured), and for a vendor whose call audio is in its page, that calls have none there.
     */
    private Event.Notice movedNotice(HostFallback f) {
        return Event.Notice.keyed(vendor(), null, NoticeLevel.WARNING, f.noticeKey(audioInPage()), f.noticeArgs());
    }

    // ---- what a vendor may use ------------------------------------------------------------------------

    /** The page channel, for the vendor's commands; null when the page is shown elsewhere. */
    protected final PageChannel channel() {
        return page.channel();
    }

    /**
     * The vendor's truth is known again after a new document, though it re-announced no call (it has none, or its
     * page cannot say): the calls the bar held that were not announced since the load end as {@code lost}, and
     * the bar is CONNECTED. Nothing when the connector is not re-learning.
     */
    protected final void relearned() {
        Sink s = sink;
        if (s == null) return;
        List<Event> lost = reconciler.settle(List.of(), vendor());
        if (lost == null) return;
        if (!lost.isEmpty()) s.events(null, lost);
        s.connection(ConnectionStatus.CONNECTED);
    }

    /** True from a new document until the vendor's truth is known again ({@link #relearnedBy}, {@link #relearned}). */
    protected final boolean relearning() {
        return reconciler.relearning();
    }

    /** The sink while started, else null. */
    protected final Sink sink() {
        return sink;
    }

    /** Events the connector made itself (no capture line), while started. */
    protected final void tell(Event... events) {
        Sink s = sink;
        if (s == null) return;
        reconciler.saw(List.of(events));
        s.events(null, List.of(events));
    }

    /**
     * One line that reached the connector as text, not through the page (AgentDesktop's widget): read strictly,
     * as {@code translate} reads it, then mapped and delivered as a page's line is.
     */
    protected final void mapText(String raw) {
        Sink s = sink;
        if (s == null) return;
        JsonNode line;
        try {
            line = StrictJson.read(raw);
        } catch (StrictJson.Unreadable e) {
            s.malformed(raw, "not JSON: " + e.getMessage());
            return;
        }
        map(line, raw, s);
    }

    // ---- the capture path -----------------------------------------------------------------------------

    @Override
    public final void captured(String origin, JsonNode line, String raw) {
        Sink s = sink;
        if (s == null || !readsPage()) return;
        if (line.has(HOST_SIGNAL) && origin.equals(hostOrigin)) {
            hostSignal(line.path(HOST_SIGNAL).asText(), s);
            return;
        }
        Screen verdict = screen(origin, line);
        if (!verdict.map()) {
            if (verdict.dropReason() != null) s.dropped(raw, verdict.dropReason());
            return;
        }
        map(line, redact(line, raw), s);
    }

    private void map(JsonNode line, String raw, Sink s) {
        List<Event> events;
        try {
            events = mapper.map(line);
        } catch (MalformedCaptureException e) {
            s.malformed(raw, e.getMessage());
            return;
        }
        boolean settles = reconciler.relearning() && relearnedBy(events);
        List<Event> lost = settles ? reconciler.settle(events, vendor()) : null;
        // Ended before the batch: a batch that signs the agent out would otherwise drop the calls unended.
        if (lost != null && !lost.isEmpty()) s.events(null, lost);
        reconciler.saw(events);
        deliver(s, line, raw, events);
        if (lost != null) s.connection(ConnectionStatus.CONNECTED);
    }

    @Override
    public final void malformed(String raw, String reason) {
        Sink s = sink;
        if (s != null && readsPage()) s.malformed(raw, reason);
    }

    @Override
    public final void dropped(String origin, String raw) {
        Sink s = sink;
        if (s != null && readsPage()) s.dropped(raw, "message from untrusted origin " + origin);
    }

    @Override
    public final void page(PageEvent event) {
        Sink s = sink;
        if (s == null) return;
        if (event.kind() == PageEvent.Kind.LOADED) {
            boolean reload = documents.getAndIncrement() > 0;
            if (reload) {
                reconciler.reloaded();
                s.connection(ConnectionStatus.RECONNECTING);
            }
            pageLoaded(reload);
        } else if (event.kind() == PageEvent.Kind.MOVED) {
            // The WebView's first document is a new one like a reopened window's: the calls are reconciled then.
            if (documents.get() > 0) s.connection(ConnectionStatus.RECONNECTING);
            tell(movedNotice(event.fallback()));
        } else {
            // What the page showed is gone with it: until a new document says otherwise, the bar does not know.
            s.connection(ConnectionStatus.RECONNECTING);
            pageGone(event.kind());
        }
    }

    /**
     * What {@link #screen} made of a trusted line: map it, skip it unreported (Unibar's own messages echoed back,
     * the vendor's internal traffic), or drop it reporting why (another script of a trusted origin).
     */
    public record Screen(boolean map, String dropReason) {
        public static final Screen MAP = new Screen(true, null);
        public static final Screen SKIP = new Screen(false, null);

        public static Screen drop(String reason) {
            return new Screen(false, Objects.requireNonNull(reason, "reason"));
        }
    }
}
