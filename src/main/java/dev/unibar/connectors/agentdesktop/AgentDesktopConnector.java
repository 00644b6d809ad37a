package dev.unibar.connectors.agentdesktop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.PageChannel;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.state.ConnectionStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * AgentDesktop through Unibar's own widget (decision 0010): the vendor panel shows AgentDesktop,
 * AgentDesktop loads the widget page from {@link WidgetServer}, the page forwards the SDK callback's
 * data strings here and runs the SDK calls this connector asks for. Method names and argument orders
 * come from the config ({@link AgentDesktopConfig#DEFAULT_METHODS}).
 */
public final class AgentDesktopConnector implements Connector {

    private static final System.Logger LOG = System.getLogger(AgentDesktopConnector.class.getName());

    private final AgentDesktopConfig cfg;
    private final PageChannel page;
    private final VendorMapper mapper;
    private final Consumer<String> widgetUriListener;
    private final ContactBook book = new ContactBook();
    private volatile Sink sink;
    private WidgetServer widget;

    /**
     * @param page              the vendor panel, or null when AgentDesktop is shown elsewhere (a browser)
     * @param widgetUriListener told the Widget URI once the widget server listens
     */
    public AgentDesktopConnector(AgentDesktopConfig cfg, PageChannel page, VendorMapper mapper, Consumer<String> widgetUriListener) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.page = page;
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.widgetUriListener = widgetUriListener == null ? uri -> { } : widgetUriListener;
    }

    @Override
    public String vendor() {
        return AgentDesktopMapper.VENDOR;
    }

    @Override
    public Capabilities capabilities() {
        return AgentDesktopCapabilities.get();
    }

    @Override
    public synchronized void start(Sink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        sink.connection(ConnectionStatus.CONNECTING);
        widget = new WidgetServer(cfg.widgetPort(), cfg.origin(), cfg.sdkUrl(), new WidgetServer.Listener() {
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
        LOG.log(System.Logger.Level.INFO, "AgentDesktop widget page: " + widget.widgetUri());
        widgetUriListener.accept(widget.widgetUri());
        if (!cfg.pauseCodes().isEmpty()) sink.events(null, List.of(new Event.PauseReasons(vendor(), null, cfg.pauseCodes())));
        if (page != null && cfg.baseUrl().startsWith("https:")) {
            // Measured (decision 0010): this WebView never requests an http loopback frame inside an https page.
            sink.events(null, List.of(new Event.Notice(vendor(), null, NoticeLevel.WARNING,
                    "AgentDesktop is served over https: the built-in browser blocks Unibar's http widget page "
                            + widget.widgetUri() + " (see docs/decisions/0010-agentdesktop-widget.md)")));
        }
        if (page != null) page.load(cfg.baseUrl());
    }

    @Override
    public synchronized void stop() {
        if (widget != null) widget.close();
        widget = null;
        book.clear();
        Sink s = sink;
        if (s != null) s.connection(ConnectionStatus.DISCONNECTED);
    }

    /** The Widget URI to register in AgentDesktop Manager (after start). */
    public synchronized String widgetUri() {
        return widget == null ? null : widget.widgetUri();
    }

    private void onWidget(boolean ready, String detail) {
        Sink s = sink;
        if (s == null) return;
        if (ready) {
            s.connection(ConnectionStatus.CONNECTED);
            s.events(null, List.of(new Event.SessionReady(vendor(), null)));
        } else {
            s.events(null, List.of(new Event.Notice(vendor(), null, NoticeLevel.ERROR, detail)));
        }
    }

    /** One batch from the widget, in the order the SDK delivered it; the mapper keeps per-session state. */
    private synchronized void onLines(List<String> lines) {
        Sink s = sink;
        if (s == null) return;
        for (String raw : lines) {
            JsonNode node;
            try {
                node = Payloads.JSON.readTree(raw);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                s.malformed(raw, "not JSON: " + e.getOriginalMessage());
                continue;
            }
            try {
                List<Event> events = mapper.map(node);
                book.observe(node);
                s.events(raw, events);
            } catch (MalformedCaptureException e) {
                s.malformed(raw, e.getMessage());
            }
        }
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        Map<String, String> v = new HashMap<>();
        v.put("resourceType", cfg.resourceType());
        v.put("serviceId", cfg.serviceId());
        v.put("callProfileId", cfg.callProfileId());
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

    private CompletionStage<Void> dispatch(Command command, Map<String, String> v) {
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
        if (command instanceof Command.Conference c) return needsConsultation(v, "completeConference", c.callId());
        if (command instanceof Command.SetState st) return setState(st, v);
        if (command instanceof Command.Logout) return call("logout", v);
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException(command.kind() + " is not offered by the AgentDesktop Widget SDK"));
    }

    private CompletionStage<Void> needsConsultation(Map<String, String> v, String action, String callId) {
        if (!v.containsKey("heldContactId")) {
            return CompletableFuture.failedFuture(new IllegalStateException("no consultation in progress"));
        }
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
        return CompletableFuture.failedFuture(new UnsupportedOperationException("AgentDesktop has no " + st.state() + " state"));
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
        if (w == null) return CompletableFuture.failedFuture(new IllegalStateException("AgentDesktop is not connected"));
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
