package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.webbar.WebBarConnector;
import dev.unibar.connectors.webbar.WebPage;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.ConnectionStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * AgentDesktop through Unibar's own widget (decision 0010): the vendor panel shows AgentDesktop,
 * AgentDesktop loads the widget page from {@link WidgetServer}, the page forwards the SDK callback's
 * data strings here and runs the SDK calls this connector asks for. Method names and argument orders
 * come from the config ({@link AgentDesktopConfig#DEFAULT_METHODS}).
 */
public final class AgentDesktopConnector extends WebBarConnector {

    private static final System.Logger LOG = System.getLogger(AgentDesktopConnector.class.getName());

    private final AgentDesktopConfig cfg;
    private final Consumer<String> widgetUriListener;
    private final LoopbackCertificate tls;
    private final String tlsProblem;
    private final ContactBook book = new ContactBook();
    private final ConsultThenConference conferences = new ConsultThenConference();
    private WidgetServer widget;

    /**
     * @param page              AgentDesktop's page in the vendor panel ({@link WebPage#vendor}), or null when
     *                          AgentDesktop is shown elsewhere (a browser)
     * @param widgetUriListener told the Widget URI once the widget server listens
     */
    public AgentDesktopConnector(AgentDesktopConfig cfg, WebPage page, VendorMapper mapper, Consumer<String> widgetUriListener) {
        this(cfg, page, mapper, widgetUriListener, null, null);
    }

    /**
     * @param tls        the https widget page's certificate (already trusted by this JVM), or null for http only
     * @param tlsProblem why an https AgentDesktop has no https widget page, shown in the bar at start; or null
     */
    public AgentDesktopConnector(AgentDesktopConfig cfg, WebPage page, VendorMapper mapper, Consumer<String> widgetUriListener,
                                 LoopbackCertificate tls, String tlsProblem) {
        super(page != null ? page : new WebPage(null, cfg::baseUrl, false), mapper);
        this.tls = tls;
        this.tlsProblem = tlsProblem;
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.widgetUriListener = widgetUriListener == null ? uri -> { } : widgetUriListener;
    }

    @Override
    public Capabilities capabilities() {
        return AgentDesktopCapabilities.get();
    }

    /** The widget server listens before AgentDesktop loads, so the widget it frames finds it. */
    @Override
    protected synchronized void starting(Sink sink) {
        widget = new WidgetServer(cfg.widgetPort(), cfg.widgetHttpsPort(), tls, cfg.origin(), cfg.sdkUrl(), new WidgetServer.Listener() {
            @Override
            public void lines(List<String> lines) {
                onLines(lines);
            }

            @Override
            public void widget(boolean ready, String detail) {
                onWidget(ready, detail);
            }
        });
        widget.start();
        // The page's token reaches only a frame of the widget's own origin inside this panel (decision 0037).
        if (channel() != null) widget.pageOrigins().forEach(o -> channel().shareWithFrames(o, widget.token()));
        LOG.log(System.Logger.Level.INFO, "AgentDesktop widget page: " + widget.widgetUri()
                + (widget.httpsWidgetUri() == null ? "" : " (in a Chromium browser: " + widget.httpWidgetUri() + ")"));
        widgetUriListener.accept(widget.widgetUri());
        if (!cfg.pauseCodes().isEmpty()) sink.events(null, List.of(new Event.PauseReasons(vendor(), null, cfg.pauseCodes())));
        if (tlsProblem != null) {
            sink.events(null, List.of(Event.Notice.keyed(vendor(), null, NoticeLevel.ERROR, "agentdesktop.httpsWidgetFailed", tlsProblem)));
        }
        if (channel() != null && cfg.https() && widget.httpsWidgetUri() == null) {
            // Measured (decision 0010): this WebView never requests an http loopback frame inside an https page.
            sink.events(null, List.of(Event.Notice.keyed(vendor(), null, NoticeLevel.WARNING,
                    "agentdesktop.httpWidgetBlocked", widget.widgetUri())));
        }
    }

    @Override
    protected synchronized void stopping() {
        if (widget != null) widget.close();
        widget = null;
        book.clear();
        conferences.clear();
    }

    /** AgentDesktop's events come from the widget, never from its page: the page is watched for its life only. */
    @Override
    protected boolean readsPage() {
        return false;
    }

    /** The widget's per-run token, for tests that stand in for the page in the vendor panel. */
    synchronized String widgetToken() {
        return widget == null ? null : widget.token();
    }

    /** The Widget URI to register in AgentDesktop Manager (after start). */
    public synchronized String widgetUri() {
        return widget == null ? null : widget.widgetUri();
    }

    private void onWidget(boolean ready, String detail) {
        Sink s = sink();
        if (s == null) return;
        if (ready) {
            // A reloaded agent page replays no earlier event (docs/vendors/agentdesktop.md, "After a reload"): the
            // widget's new start is all the vendor re-announces.
            if (relearning()) relearned();
            else s.connection(ConnectionStatus.CONNECTED);
            s.events(null, List.of(new Event.SessionReady(vendor(), null)));
        } else {
            // The only failure the widget page reports is its own: the vendor's SDK script did not load.
            s.events(null, List.of(Event.Notice.keyed(vendor(), null, NoticeLevel.ERROR, "agentdesktop.sdkNotLoaded", cfg.sdkUrl())));
        }
    }

    /** One batch from the widget, in the order the SDK delivered it; the mapper keeps per-session state. */
    private synchronized void onLines(List<String> lines) {
        for (String raw : lines) mapText(raw);
    }

    /** The contacts the commands act on are the ones the mapper read. */
    @Override
    protected void deliver(Sink s, JsonNode line, String raw, List<Event> events) {
        // Before the book forgets a cleared leg: a conference waiting for it fails.
        conferences.observe(line, book, (main, leg) -> {
            Map<String, String> v = values();
            v.put("heldContactId", main);
            v.put("consultContactId", leg);
            return call("completeConference", with(v, main));
        });
        book.observe(line);
        super.deliver(s, line, raw, events);
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        Map<String, String> v = values();
        book.consultation().ifPresent(e -> {
            v.put("heldContactId", e.getKey());
            v.put("consultContactId", e.getValue());
        });
        try {
            return dispatch(command, v);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The configured values every SDK call may take. */
    private Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        v.put("resourceType", cfg.resourceType());
        v.put("serviceId", cfg.serviceId());
        v.put("callProfileId", cfg.callProfileId());
        return v;
    }

    /** Phone controls: refused for a chat or other non-voice contact (the seed lets Transfer_Direct move chats too). */
    private static final Set<CommandKind> TELEPHONY = EnumSet.of(CommandKind.ANSWER, CommandKind.HANGUP, CommandKind.HOLD,
            CommandKind.RESUME, CommandKind.CONSULT, CommandKind.COMPLETE_TRANSFER, CommandKind.CONFERENCE,
            CommandKind.START_RECORDING, CommandKind.STOP_RECORDING);

    private CompletionStage<Void> dispatch(Command command, Map<String, String> v) {
        String media = TELEPHONY.contains(command.kind()) ? book.media(callId(command)) : null;
        if (media != null) return refused("agentdesktop.notVoice", media);
        if (command instanceof Command.Dial d) {
            v.put("number", d.number());
            v.put("destination", d.number());
            return call("dial", v);
        }
        if (command instanceof Command.Answer a) return call("answer", with(v, a.callId()));
        if (command instanceof Command.Hangup h) {
            // Cancelling a consultation is hanging up its leg [seed].
            if (book.isLeg(h.callId())) {
                v.put("consultContactId", h.callId());
                return call("cancelConsult", with(v, h.callId()));
            }
            return call("hangup", with(v, h.callId()));
        }
        if (command instanceof Command.Hold h) return call("hold", with(v, h.callId()));
        if (command instanceof Command.Resume r) return call("resume", with(v, r.callId()));
        if (command instanceof Command.BlindTransfer t) {
            v.put("destination", t.target());
            return call("blindTransfer", with(v, t.callId()));
        }
        if (command instanceof Command.Consult c) {
            v.put("destination", c.target());
            return call("consult", with(v, c.callId()));
        }
        if (command instanceof Command.CompleteTransfer c) return needsConsultation(v, "completeTransfer", c.callId());
        if (command instanceof Command.Conference c) {
            if (!v.containsKey("heldContactId") && c.participant() != null) return consultThenConference(c, v);
            return needsConsultation(v, "completeConference", c.callId());
        }
        if (command instanceof Command.SetCallData d) return setCallData(d, v);
        if (command instanceof Command.StartRecording r) {
            return recording(call("startRecording", with(v, r.callId())), new Event.CallRecordingStarted(vendor(), null, r.callId()));
        }
        if (command instanceof Command.StopRecording r) {
            return recording(call("stopRecording", with(v, r.callId())), new Event.CallRecordingStopped(vendor(), null, r.callId()));
        }
        if (command instanceof Command.SetState st) return setState(st, v);
        if (command instanceof Command.Logout) return call("logout", v);
        return refused("agentdesktop.notOffered", command.kind());
    }

    /** The contact a command acts on, when it names one. */
    private static String callId(Command c) {
        if (c instanceof Command.Answer a) return a.callId();
        if (c instanceof Command.Hangup h) return h.callId();
        if (c instanceof Command.Hold h) return h.callId();
        if (c instanceof Command.Resume r) return r.callId();
        if (c instanceof Command.Consult x) return x.callId();
        if (c instanceof Command.CompleteTransfer x) return x.callId();
        if (c instanceof Command.Conference x) return x.callId();
        if (c instanceof Command.StartRecording r) return r.callId();
        if (c instanceof Command.StopRecording r) return r.callId();
        return null;
    }

    /** The SDK's call data is one {@code "K=V;K2=V2"} string [wiki]; no escaping is documented, so ';' and '=' in keys are refused. */
    private CompletionStage<Void> setCallData(Command.SetCallData d, Map<String, String> v) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(d.data()).entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            if (e.getKey().isBlank() || e.getKey().matches(".*[;=].*") || value.contains(";")) {
                return refused("agentdesktop.callDataChars", e.getKey());
            }
            if (sb.length() > 0) sb.append(';');
            sb.append(e.getKey()).append('=').append(value);
        }
        if (sb.length() == 0) return refused("agentdesktop.callDataEmpty");
        v.put("callData", sb.toString());
        return call("setCallData", with(v, d.callId()));
    }

    /**
     * No recording event is known from AgentDesktop (neither the seed nor the wiki shows one): the bar
     * learns the recording state from the SDK call's success (assumed).
     */
    private CompletionStage<Void> recording(CompletionStage<Void> done, Event event) {
        return done.thenRun(() -> tell(event));
    }

    private static CompletionStage<Void> refused(String key, Object... args) {
        return CompletableFuture.failedFuture(new Notices.Refusal(key, args));
    }

    /** Outside a consultation, a number: consult it, then complete as a conference once it answers ({@link ConsultThenConference}). */
    private CompletionStage<Void> consultThenConference(Command.Conference c, Map<String, String> v) {
        if (c.callId() == null) return refused("agentdesktop.noConsultation");
        CompletableFuture<Void> joined = conferences.expect(c.callId(), c.participant());
        v.put("destination", c.participant());
        return call("consult", with(v, c.callId())).thenCompose(x -> joined).whenComplete((x, err) -> {
            if (err != null) conferences.forget(c.callId(), joined);
        });
    }

    private CompletionStage<Void> needsConsultation(Map<String, String> v, String action, String callId) {
        if (!v.containsKey("heldContactId")) return refused("agentdesktop.noConsultation");
        return call(action, with(v, callId == null ? v.get("heldContactId") : callId));
    }

    /** Ready ends after-call work first (OfflineEnd), else logs in to the media; a reason picks the pause code. */
    private CompletionStage<Void> setState(Command.SetState st, Map<String, String> v) {
        if (st.state() == AgentState.READY) {
            List<String> wrapUp = new ArrayList<>(book.inWrapUp());
            if (wrapUp.isEmpty()) return call("ready", v);
            CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
            for (String id : wrapUp) all = all.thenCompose(x -> call("endWrapUp", with(new HashMap<>(v), id)).toCompletableFuture());
            return all;
        }
        if (st.state() == AgentState.NOT_READY) {
            if (st.reasonId() == null || st.reasonId().isBlank()) return call("pause", v);
            v.put("code", st.reasonId());
            return call("pauseWithCode", v);
        }
        if (st.state() == AgentState.OFFLINE) return call("logout", v);
        return refused("agentdesktop.noSuchState", st.state());
    }

    private static Map<String, String> with(Map<String, String> v, String contactId) {
        v.put("contactId", contactId);
        return v;
    }

    private CompletionStage<Void> call(String action, Map<String, String> values) {
        WidgetServer w;
        synchronized (this) {
            w = widget;
        }
        if (w == null) return refused("agentdesktop.notConnected");
        SdkCall c = cfg.method(action);
        CompletableFuture<Void> done = w.call(c.namespace(), c.name(), c.args(values));
        // A widget error also shows in AgentDesktop's own UI, as the SDK's sample does.
        done.whenComplete((x, err) -> {
            if (err != null && w.widgetConnected() && !"alert".equals(action)) {
                SdkCall alert = cfg.method("alert");
                w.call(alert.namespace(), alert.name(), alert.args(Map.of("message", "Unibar: " + err.getMessage())));
            }
        });
        return done;
    }
}
