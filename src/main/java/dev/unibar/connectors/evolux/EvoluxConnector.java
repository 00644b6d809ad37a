package dev.unibar.connectors.evolux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.PageChannel;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.state.ConnectionStatus;

import dev.unibar.core.model.Notices;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The Evolux Phone embedded in the host page: its postMessages arrive as capture lines; the one command,
 * click-to-call, goes to the Evolux REST API when a token is configured.
 */
public final class EvoluxConnector implements Connector, CaptureHandler {

    private final EvoluxConfig cfg;
    private final PageChannel page;
    private final Function<String, String> pageUrl;
    private final EvoluxMapper mapper = new EvoluxMapper();
    private final EvoluxCallApi api;
    private final Clock clock;
    private final boolean webRtc;
    private volatile Sink sink;
    private volatile String reportedLogin;

    /**
     * @param webRtc whether the page host carries the phone's WebRTC audio (the browser window does, the
     *               WebView does not): only without it is the agent warned that nobody will hear them
     */
    public EvoluxConnector(EvoluxConfig cfg, PageChannel page, Function<String, String> pageUrl, Clock clock, boolean webRtc) {
        this.cfg = cfg;
        this.webRtc = webRtc;
        this.page = page;
        this.pageUrl = pageUrl;
        this.clock = clock;
        this.api = cfg.clickToCall() ? new EvoluxCallApi(cfg.apiBase(), cfg.apiToken()) : null;
    }

    @Override
    public String vendor() {
        return EvoluxMapper.VENDOR;
    }

    @Override
    public Capabilities capabilities() {
        return EvoluxCapabilities.of(cfg.clickToCall());
    }

    @Override
    public void start(Sink s) {
        sink = s;
        s.connection(ConnectionStatus.CONNECTING);
        // Said at once: the agent must not find out on the first call that nobody hears them.
        s.events(null, List.of(startNotice()));
        page.setCaptureHandler(this);
        page.load(pageUrl.apply(EvoluxHostPage.PATH));
    }

    /** What the bar cannot do for this agent, in one notice (the bar shows the latest notice only). */
    private Event.Notice startNotice() {
        String key = (webRtc ? "evolux.start.panel" : "evolux.start.noAudio")
                + (cfg.clickToCall() ? "" : ".callsInPanel");
        return Event.Notice.keyed(EvoluxMapper.VENDOR, clock.instant(), webRtc ? NoticeLevel.INFO : NoticeLevel.WARNING, key);
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        if (!(command instanceof Command.Dial d)) {
            return refused("evolux.commandInPanel", command.getClass().getSimpleName());
        }
        if (api == null) return refused("evolux.callsInPanel");
        String from = cfg.agentLogin() != null ? cfg.agentLogin() : reportedLogin;
        if (from == null) return refused("evolux.noAgentLogin");
        return api.call(from, d.number());
    }

    static CompletionStage<Void> refused(String key, Object... args) {
        return CompletableFuture.failedFuture(new Notices.Refusal(key, args));
    }

    @Override
    public void stop() {
        sink = null;
    }

    @Override
    public void captured(String origin, JsonNode line, String raw) {
        Sink s = sink;
        if (s == null) return;
        if (line.has("unibarHost")) {
            if (line.path("unibarHost").asText().equals("frameLoaded")) s.connection(ConnectionStatus.CONNECTED);
            return;
        }
        // Other scripts in the phone's origin may post too: only the documented shape is the phone's.
        if (!line.path("eventName").isTextual() || !line.has("payload")) {
            s.dropped(raw, "not an Evolux Phone event (eventName and payload)");
            return;
        }
        List<Event> events;
        try {
            events = mapper.map(line);
        } catch (MalformedCaptureException e) {
            s.malformed(raw, e.getMessage());
            return;
        }
        for (Event e : events) {
            if (e instanceof Event.AgentLoggedIn in && in.agent() != null && in.agent().login() != null) {
                reportedLogin = in.agent().login();
            }
        }
        s.events(raw, events);
    }

    @Override
    public void malformed(String raw, String reason) {
        Sink s = sink;
        if (s != null) s.malformed(raw, reason);
    }

    @Override
    public void dropped(String origin, String raw) {
        Sink s = sink;
        if (s != null) s.dropped(raw, "message from untrusted origin " + origin);
    }
}
