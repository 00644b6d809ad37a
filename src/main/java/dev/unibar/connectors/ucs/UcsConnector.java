package dev.unibar.connectors.ucs;

import dev.unibar.core.model.Notices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.PageChannel;
import dev.unibar.config.Secret;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.VendorMapper;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The UCS operator bar embedded in a page: its callbacks arrive as capture lines through the page
 * channel and go through {@link UcsMapper}; commands become calls of the methods UCS adds to
 * {@code window.ucsOperator} (seed 002, "Ovládání komponenty").
 */
public final class UcsConnector implements Connector, CaptureHandler {

    public static final String VENDOR = "ucs";

    private final UcsConfig config;
    private final PageChannel page;
    private final Function<String, String> pageUrl;
    private final VendorMapper mapper;
    private final Clock clock;
    private final Capabilities capabilities;
    private volatile Sink sink;

    /**
     * @param pageUrl gives the URL of the host page once the connector has registered it; the
     *                connector does not know where the host server lives
     */
    public UcsConnector(UcsConfig config, PageChannel page, Function<String, String> pageUrl, VendorMapper mapper,
                        Clock clock) {
        this.config = config;
        this.page = page;
        this.pageUrl = pageUrl;
        this.mapper = mapper;
        this.clock = clock;
        this.capabilities = UcsCapabilities.of(config.ssoUsername() != null && config.ssoSecret() != null);
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    public UcsConfig config() {
        return config;
    }

    @Override
    public void start(Sink sink) {
        this.sink = sink;
        sink.connection(ConnectionStatus.CONNECTING);
        page.setCaptureHandler(this);
        page.load(pageUrl.apply(UcsHostPage.PATH));
    }

    @Override
    public void stop() {
        Sink s = sink;
        if (s != null) s.connection(ConnectionStatus.DISCONNECTED);
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        String script;
        try {
            script = script(command);
        } catch (Notices.Refusal | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return page.call(script).thenApply(r -> null);
    }

    /** The JavaScript for one command. Package-private so tests can read what would be sent. */
    String script(Command c) {
        if (c instanceof Command.Login x) return invoke("login", x.username(), x.password(), x.remember());
        if (c instanceof Command.Sso x) {
            Secret secret = config.ssoSecret();
            if (secret == null) throw new Notices.Refusal("ucs.ssoNotConfigured");
            String ts = String.valueOf(clock.instant().getEpochSecond());
            String user = x.username() != null ? x.username() : config.ssoUsername();
            String provider = config.ssoProvider() != null ? config.ssoProvider() : "Unibar";
            return invoke("sso", user, SsoToken.token(secret, user, ts), provider);
        }
        if (c instanceof Command.Logout) return invoke("logout");
        if (c instanceof Command.SelectDevice x) return invoke("selectIdentifier", x.deviceId());
        if (c instanceof Command.Provision) return invoke("provision");
        if (c instanceof Command.Identify) return invoke("identify");
        if (c instanceof Command.SetState x) return setState(x);
        if (c instanceof Command.SuspendQueue x) return invoke("suspend", queueNumber(x.queueId()));
        if (c instanceof Command.ResumeQueue x) return invoke("resume", queueNumber(x.queueId()));
        if (c instanceof Command.Dial x) {
            if (x.queueId() == null) return invoke("dial", x.number());
            Object q = x.queueId().equals("directCall") || x.queueId().equals("undefined")
                    ? x.queueId() : queueNumber(x.queueId());
            return invoke("dial", x.number(), q);
        }
        if (c instanceof Command.Answer) return invoke("answer");
        // UCS has no reject: hanging up a ringing call refuses it (cause 5, "rejected").
        if (c instanceof Command.Reject) return invoke("hangup");
        if (c instanceof Command.Hangup) return invoke("hangup");
        if (c instanceof Command.Hold) return invoke("hold");
        if (c instanceof Command.Resume) return invoke("unhold");
        // mute() is a toggle in UCS; the guard only offers the direction that applies.
        if (c instanceof Command.Mute || c instanceof Command.Unmute) return invoke("mute");
        if (c instanceof Command.BlindTransfer x) return invoke("blindTransfer", x.target());
        if (c instanceof Command.Consult x) return invoke("transfer", x.target());
        if (c instanceof Command.CompleteTransfer) return invoke("finishTransfer");
        if (c instanceof Command.SetAccountCode x) {
            return invoke("setAccountCode", x.callId(), x.accountCode(), x.subAccountCode(), x.override());
        }
        throw new Notices.Refusal("ucs.noMethod", c.kind());
    }

    private String setState(Command.SetState x) {
        AgentState s = x.state();
        if (s == AgentState.READY) return invoke("changeStatus", "READY");
        if (s == AgentState.OFFLINE) return invoke("changeStatus", "OFFLINE");
        if (s == AgentState.WRAP_UP) return invoke("changeStatus", "ACW");
        // UCS names AUX reasons by their text; the mapper uses that text as the reason id.
        return x.reasonId() == null ? invoke("changeStatus", "AUX") : invoke("changeStatus", "AUX", x.reasonId());
    }

    private static Object queueNumber(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    /**
     * A call of one ucsOperator method with JSON-encoded arguments. A missing method (the UCS script
     * did not load, or an older UCS) is a JavaScript error the caller sees, not a silent no-op.
     */
    static String invoke(String method, Object... args) {
        ArrayNode a = Payloads.JSON.createArrayNode();
        for (Object o : args) a.add(Payloads.JSON.valueToTree(o));
        return "(function () {\n"
                + "  var o = window.ucsOperator;\n"
                + "  if (!o || typeof o." + method + " !== 'function') throw new Error('UCS operator bar is not loaded: "
                + method + "() is unavailable');\n"
                + "  var r = o." + method + ".apply(o, " + UcsHostPage.scriptSafe(a.toString()) + ");\n"
                + "  return r === undefined ? null : String(r);\n"
                + "})()";
    }

    @Override
    public void captured(String origin, JsonNode line, String raw) {
        Sink s = sink;
        if (s == null) return;
        String cb = line.path("callback").asText("");
        if (cb.equals("onConnect")) s.connection(ConnectionStatus.CONNECTED);
        List<Event> events;
        try {
            events = mapper.map(line);
        } catch (MalformedCaptureException e) {
            s.malformed(raw, e.getMessage());
            return;
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
