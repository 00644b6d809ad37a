package dev.unibar.bench;

import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.config.PageHosting.Embed;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.agentdesktop.AgentDesktopModule;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.evolux.EvoluxModule;
import dev.unibar.connectors.evolux.sim.EvoluxSimulator;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.OnFx;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's soak for the vendors whose bar is a web page besides UCS ({@link SoakBenchmark} has UCS and
 * EPBX): AgentDesktop, MAX and Evolux, each through its demo set-up in the host the bar gives it by default
 * ({@link VendorModule#defaultEmbed()}: the WebView for AgentDesktop, a browser window for MAX and Evolux, here
 * headless; {@code -Dsoak.host=webview|browser} forces one), then the page's shim, the capture pipeline, the
 * mapper, the session and the store; the agent's commands go back the same way. Same figures and goals as
 * {@link SoakBenchmark}, plus the browser's memory when there is one. Not part of the build (no *Test):
 * <pre>
 * mvn -B -ntp -o test -Dtest=WebBarSoak -Dsurefire.failIfNoSpecifiedTests=false [-Dsoak.calls=500] [-Dsoak.host=webview]
 * </pre>
 */
class WebBarSoak {

    private static final Duration STEP = Duration.ofSeconds(20);
    private static final Duration PAGE = Duration.ofSeconds(90);

    /**
     * Offered on the agent's phone, answered from the bar (Answer: the widget's SDK call), the caller hangs up,
     * the bar ends the after-call work (Ready: OfflineEnd); the bar is back to no call and no wrap-up.
     */
    @Test
    void agentdesktop() throws Exception {
        run(new AgentDesktopModule(), (ctx, s) -> {
            AgentDesktopSimulator sim = ctx.simulator(AgentDesktopSimulator.class);
            sim.play("agent-login");
            Wait.until("ready", PAGE, () -> s.store().state().phase() == SessionPhase.READY);
            return () -> {
                String contact = sim.inbound("3393669393", "5000", "QUEUE25");
                String id = ringing(s, contact);
                s.send(new Command.Answer(id));
                Wait.until("talking " + id, STEP, () -> status(s.store().state(), id) == CallStatus.CONNECTED);
                sim.remoteHangup(contact);
                Wait.until("wrap-up " + id, STEP, () -> s.store().state().calls().isEmpty() && s.store().state().wrapUp());
                s.send(new Command.SetState(AgentState.READY, null));
                Wait.until("finished " + id, STEP, () -> !s.store().state().wrapUp());
            };
        });
    }

    /** Incoming contact, answered from the bar (AnswerEvent), caller hang-up into after-call work, ACW ends. */
    @Test
    void max() throws Exception {
        run(new MaxModule(), (ctx, s) -> {
            MaxSimulator sim = ctx.simulator(MaxSimulator.class);
            Wait.until("ready", PAGE, () -> s.store().state().phase() == SessionPhase.READY
                    && s.store().state().agentState() == AgentState.READY);
            return () -> {
                sim.scenario("inbound", Map.of("ani", "8015551234", "skill", "Support"));
                String id = ringing(s, null);
                s.send(new Command.Answer(id));
                Wait.until("talking " + id, STEP, () -> status(s.store().state(), id) == CallStatus.CONNECTED);
                sim.scenario("caller-hangup", Map.of());
                Wait.until("after-call work " + id, STEP, () -> s.store().state().calls().isEmpty()
                        && s.store().state().agentState() == AgentState.WRAP_UP);
                sim.scenario("end-acw", Map.of());
                Wait.until("available " + id, STEP, () -> s.store().state().agentState() == AgentState.READY);
            };
        });
    }

    /** A queue call the agent takes in the phone (Evolux takes no command from the host page), then the hang-up. */
    @Test
    void evolux() throws Exception {
        run(new EvoluxModule(), (ctx, s) -> {
            EvoluxSimulator sim = ctx.simulator(EvoluxSimulator.class);
            // The phone logs the agent in when it first polls: that is the page's sign of life.
            Wait.until("ready", PAGE, () -> s.store().state().phase() == SessionPhase.READY);
            return () -> {
                sim.scenario("queue-call", Map.of("number", "84999010101", "name", "Cliente", "queue", "suporte",
                        "answerAfterMs", 0));
                String id = ringing(s, null);
                Wait.until("talking " + id, STEP, () -> status(s.store().state(), id) == CallStatus.CONNECTED);
                sim.scenario("hangup", Map.of());
                Wait.until("ended " + id, STEP, () -> s.store().state().calls().isEmpty());
            };
        });
    }

    // ---------------------------------------------------------------------------------------------

    interface Driver {
        /** Logs in (off the FX thread) and returns one call's cycle. */
        SoakBenchmark.Call prepare(VendorContext ctx, Session s) throws Exception;
    }

    private static void run(VendorModule module, Driver driver) throws Exception {
        FxToolkit.registerPrimaryStage();
        Host host = host(module);
        VendorContext ctx = OnFx.get(() -> host.open(module, module::openDemo));
        try {
            Session s = ctx.session();
            s.start();
            host.awaitPage(ctx);
            SoakBenchmark.Call call = driver.prepare(ctx, s);
            String name = module.id() + " (" + host.name().toLowerCase(Locale.ROOT) + ")";
            SoakBenchmark.soak(name, s, call, () -> ctx.page() instanceof BrowserPageChannel b
                    ? "browser processes PSS " + b.browserProcess().map(BrowserModeBenchmark::treePssKb).orElse(0L) / 1024 + " MiB" : "");
        } finally {
            OnFx.run(() -> ctx.page().load("about:blank"));
            OnFx.run(ctx::close);
        }
    }

    /** The vendor's default host, unless -Dsoak.host says; a browser vendor falls back to the WebView without one. */
    private static Host host(VendorModule module) {
        String forced = System.getProperty("soak.host");
        if (forced != null && !forced.isBlank()) return Host.valueOf(forced.toUpperCase(Locale.ROOT));
        if (module.defaultEmbed() == Embed.BROWSER && Browsers.installed().isPresent()) return Host.BROWSER;
        if (module.defaultEmbed() == Embed.BROWSER) System.out.println(module.id() + ": " + Browsers.SKIP + "; soaking in the WebView");
        return Host.WEBVIEW;
    }

    /**
     * The id of the one call the bar shows, once it does: ringing, or already connected when the phone answers at
     * once (Evolux posts callInvite and callAccepted together; the soak's counter checks the ring arrived).
     */
    private static String ringing(Session s, String expected) throws Exception {
        Wait.until("a ringing call" + (expected == null ? "" : " " + expected), STEP, () -> s.store().state().calls().size() == 1);
        return s.store().state().calls().keySet().iterator().next();
    }

    private static CallStatus status(BarState st, String id) {
        var c = st.calls().get(id);
        return c == null ? null : c.status();
    }
}
