package dev.unibar.connectors.agentdesktop;

import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.agentdesktop.sim.Recorded;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import javafx.application.Platform;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Run in a fresh JVM by {@link HttpsWidgetTest}: the simulated AgentDesktop served over https, shown in a
 * WebView, frames Unibar's https widget page; the certificate is made and trusted the way the module does
 * it for an https base URL, before the first WebView load. Prints one "OK ..." or "FAIL ..." line per check.
 */
public final class HttpsWidgetProbe {

    private static volatile WebPageChannel page;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("unibar-https-probe");
        Path file = dir.resolve(AgentDesktopConfig.KEYSTORE_FILE);
        // The simulator's https page uses the same loopback certificate (it is a test host on 127.0.0.1).
        LoopbackCertificate made = LoopbackCertificate.loadOrCreate(file, Instant.now());
        AgentDesktopSimulator sim = new AgentDesktopSimulator().https(made.keyStore(), made.password()).start();
        sim.answerDelayMs(0);
        int code = 1;
        AgentDesktopConnector connector = null;
        try {
            AgentDesktopConfig cfg = new AgentDesktopConfig(sim.pageUrl(), 0, AgentDesktopConfig.methods(Map.of()), null, null,
                    null, List.of(), List.of(), 0, file);
            AgentDesktopModule.HttpsWidget https = AgentDesktopModule.httpsWidget(cfg);
            check(https.problem() == null, "certificate loaded and trusted: " + https.problem());
            check(made.certificate().equals(https.certificate().certificate()), "the kept certificate is reused");
            RecordingSink sink = new RecordingSink();
            List<Event> events = sink.events;
            // The vendor panel as the bar makes it: the widget gets its token through this channel only (decision 0037).
            java.util.concurrent.CountDownLatch panel = new java.util.concurrent.CountDownLatch(1);
            Platform.startup(() -> {
                page = new WebPageChannel(new OriginPolicy(List.of(sim.origin())));
                panel.countDown();
            });
            panel.await();
            connector = new AgentDesktopConnector(cfg, new dev.unibar.connectors.webbar.WebPage(page, cfg::baseUrl, false), new AgentDesktopMapper(), sim::widgetUri, https.certificate(), null);
            connector.start(sink);
            check(connector.widgetUri().startsWith("https://127.0.0.1:"), "widget URI is https: " + connector.widgetUri());
            System.out.println("widget " + connector.widgetUri() + " in " + sim.pageUrl());
            until(() -> sim.recorded().stream().anyMatch(r -> r.qualified().equals("WIDGET.bindContactCallback")),
                    "the https widget loaded the SDK and bound its callback");
            until(() -> events.stream().anyMatch(e -> e instanceof Event.SessionReady), "the widget announced itself to Unibar");
            String call = sim.inbound("3393669393", "225727273", "QUEUE25");
            until(() -> events.stream().anyMatch(e -> e instanceof Event.CallRinging r && r.callId().equals(call)),
                    "the call reached Unibar through the https widget");
            connector.send(new Command.Answer(call)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            until(() -> sim.recorded().stream().anyMatch(r -> r.qualified().equals("CONTACT.Answer") && r.args().equals(List.of(call))),
                    "CONTACT.Answer reached AgentDesktop with the contact id");
            check(sink.malformed.isEmpty(), "no malformed line: " + sink.malformed);
            for (Recorded r : sim.recorded()) System.out.println("recorded " + r.qualified() + r.args());
            code = 0;
        } catch (Throwable t) {
            System.out.println("FAIL " + t);
        } finally {
            Platform.runLater(() -> {
                if (page != null) page.load("about:blank");
            });
            if (connector != null) connector.stop();
            sim.close();
        }
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException(what);
        System.out.println("OK " + what);
    }

    private static void until(BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("never: " + what);
            Thread.sleep(20);
        }
        System.out.println("OK " + what);
    }
}
