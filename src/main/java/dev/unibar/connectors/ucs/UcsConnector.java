package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.unibar.config.Secret;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.webbar.WebBarConnector;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.ConnectionStatus;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The UCS operator bar embedded in a page: its callbacks arrive as capture lines through the page
 * channel and go through {@link UcsMapper}; commands become calls of the methods UCS adds to
 * {@code window.ucsOperator} (seed 002, "Ovládání komponenty").
 */
public final class UcsConnector extends WebBarConnector {

    public static final String VENDOR = "ucs";

    private final UcsConfig config;
    private final Clock clock;
    private final Capabilities capabilities;

    /** @param page the host page ({@link UcsHostPage}), registered with the environment by the module */
    public UcsConnector(UcsConfig config, WebPage page, Clock clock) {
        super(page, new UcsMapper());
        this.config = config;
        this.clock = clock;
        this.capabilities = UcsCapabilities.of(config.ssoUsername() != null && config.ssoSecret() != null);
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    public UcsConfig config() {
        return config;
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        String script;
        try {
            script = script(command);
        } catch (Notices.Refusal | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return channel().call(script).thenApply(r -> null);
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

    /**
     * UCS has connected to its server: the bar is connected, whatever the callback's other news. After a new
     * document the connection alone is not the agent's truth: that comes with the sign-in's answer
     * ({@link #relearnedBy}).
     */
    @Override
    protected void deliver(Sink s, JsonNode line, String raw, List<Event> events) {
        if (line.path("callback").asText("").equals("onConnect") && !relearning()) s.connection(ConnectionStatus.CONNECTED);
        super.deliver(s, line, raw, events);
    }

    /**
     * A reloaded UCS page announces the agent's truth once signed in: {@code onReady} carries the status and
     * "the active call on the paired phone" (seed 002, onReady {@code call}); {@code onCredentials} says the agent
     * is signed out, so the page has no call to show.
     */
    @Override
    protected boolean relearnedBy(List<Event> events) {
        return events.stream().anyMatch(e -> e instanceof Event.SessionReady || e instanceof Event.CredentialsRequired);
    }
}
