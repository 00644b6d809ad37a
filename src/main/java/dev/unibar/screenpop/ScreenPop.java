package dev.unibar.screenpop;

import dev.unibar.config.FeaturesConfig;
import dev.unibar.core.Session;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Opens the first matching rule's page once per call, when the call rings or when it connects (config
 * {@code screenPop.on}). Reads only normalized events, so the page gets the CONTRACT's call fields and never a
 * vendor payload.
 */
public final class ScreenPop {

    private static final System.Logger LOG = System.getLogger(ScreenPop.class.getName());
    private static final int MEMORY = 200;

    private final FeaturesConfig.ScreenPop config;
    private final Consumer<String> browser;
    private final Consumer<String> barTab;
    /** Each call's snapshot so far (a connected event may carry only part of it); true once popped. */
    private final Map<String, Call> calls = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Call> e) {
            return size() > MEMORY;
        }
    };
    private final Map<String, Boolean> popped = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > MEMORY;
        }
    };

    public ScreenPop(FeaturesConfig.ScreenPop config, Consumer<String> browser) {
        this(config, browser, browser);
    }

    /** @param barTab opens a rule's page in the bar's own screen-pop window (rules with {@code open: bar}) */
    public ScreenPop(FeaturesConfig.ScreenPop config, Consumer<String> browser, Consumer<String> barTab) {
        this.config = config;
        this.browser = browser;
        this.barTab = barTab;
    }

    /** Watches the session until the returned handle is closed; does nothing when screen-pop is off. */
    public AutoCloseable attach(Session session) {
        if (!config.enabled() || config.rules().isEmpty()) return () -> { };
        Consumer<InspectorEntry> l = e -> {
            if (e.kind() == InspectorEntry.Kind.MAPPED) e.events().forEach(this::seen);
        };
        session.inspector().subscribe(l);
        return () -> session.inspector().unsubscribe(l);
    }

    synchronized void seen(Event e) {
        Call snapshot = e instanceof Event.CallRinging r ? r.call()
                : e instanceof Event.CallDialing d ? d.call()
                : e instanceof Event.CallConnected c ? c.call() : null;
        if (!(e instanceof Event.CallEvent ce) || snapshot == null && !(e instanceof Event.CallConnected)) return;
        Call known = calls.get(ce.callId());
        Call merged = known == null ? (snapshot != null ? snapshot : Call.of(ce.callId())) : known.mergedWith(snapshot);
        calls.put(ce.callId(), merged);
        boolean trigger = "connected".equals(config.on()) ? e instanceof Event.CallConnected : e instanceof Event.CallRinging;
        if (!trigger || popped.containsKey(ce.callId())) return;
        FeaturesConfig.Rule rule = rule(e.vendor(), merged);
        if (rule == null) return;
        String url = UrlTemplate.expand(rule.url(), e.vendor(), merged);
        popped.put(ce.callId(), true);
        try {
            (rule.inBar() ? barTab : browser).accept(url);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "Screen-pop could not open the browser: " + ex.getMessage());
        }
    }

    /** The first rule whose vendor, queue and campaign (those it names) fit the call, filled in; null if none. */
    String url(String vendor, Call c) {
        FeaturesConfig.Rule r = rule(vendor, c);
        return r == null ? null : UrlTemplate.expand(r.url(), vendor, c);
    }

    /** The first rule whose vendor, queue and campaign (those it names) fit the call; null if none. */
    FeaturesConfig.Rule rule(String vendor, Call c) {
        for (FeaturesConfig.Rule r : config.rules()) {
            if (r.vendor() != null && !r.vendor().equals(vendor)) continue;
            if (r.queue() != null && (c.queue() == null || !(Objects.equals(r.queue(), c.queue().id())
                    || Objects.equals(r.queue(), c.queue().name()) || Objects.equals(r.queue(), c.queue().number())))) {
                continue;
            }
            if (r.campaign() != null && (c.campaign() == null || !(Objects.equals(r.campaign(), c.campaign().id())
                    || Objects.equals(r.campaign(), c.campaign().name())))) {
                continue;
            }
            return r;
        }
        return null;
    }
}
