package dev.unibar.connectors.evolux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.webbar.WebBarConnector;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.ConnectionStatus;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Evolux Phone embedded in the host page: its postMessages arrive as capture lines; the one command,
 * click-to-call, goes to the Evolux REST API when a token is configured.
 */
public final class EvoluxConnector extends WebBarConnector {

    private final EvoluxConfig cfg;
    private final EvoluxCallApi api;
    private final Clock clock;
    private final boolean webRtc;
    private volatile String reportedLogin;

    /**
     * @param webRtc whether the page host carries the phone's WebRTC audio (the browser window does, the
     *               WebView does not): only without it is the agent warned that nobody will hear them
     */
    public EvoluxConnector(EvoluxConfig cfg, WebPage page, Clock clock, boolean webRtc) {
        super(page, new EvoluxMapper());
        this.cfg = cfg;
        this.webRtc = webRtc;
        this.clock = clock;
        this.api = cfg.clickToCall() ? new EvoluxCallApi(cfg.apiBase(), cfg.apiToken()) : null;
    }

    @Override
    public Capabilities capabilities() {
        return EvoluxCapabilities.of(cfg.clickToCall());
    }

    /** Said at once: the agent must not find out on the first call that nobody hears them. */
    @Override
    protected void starting(Sink s) {
        s.events(null, List.of(startNotice()));
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

    /**
     * The host page's iframe has loaded the phone: the bar is connected (the phone may say nothing more). A
     * reloaded phone re-announces nothing (it posts changes only, seed 000): the calls the bar held are lost to it,
     * the pause stays the last the phone posted (docs/vendors/evolux.md, "After a reload").
     */
    @Override
    protected void hostSignal(String signal, Sink s) {
        if (!signal.equals("frameLoaded")) return;
        if (relearning()) relearned();
        else s.connection(ConnectionStatus.CONNECTED);
    }

    @Override
    protected boolean audioInPage() {
        return webRtc;
    }

    /** Other scripts in the phone's origin may post too: only the documented shape is the phone's. */
    @Override
    protected Screen screen(String origin, JsonNode line) {
        return line.path("eventName").isTextual() && line.has("payload") ? Screen.MAP
                : Screen.drop("not an Evolux Phone event (eventName and payload)");
    }

    @Override
    protected void deliver(Sink s, JsonNode line, String raw, List<Event> events) {
        for (Event e : events) {
            if (e instanceof Event.AgentLoggedIn in && in.agent() != null && in.agent().login() != null) {
                reportedLogin = in.agent().login();
            }
        }
        super.deliver(s, line, raw, events);
    }
}
