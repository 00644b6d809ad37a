package dev.unibar.connectors.agentdesktop.sim;

import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake AgentDesktop page and its sample widget in a real WebView: SDK calls and contact events cross postMessage. */
class AgentDesktopSimWebViewTest {

    private AgentDesktopSimulator sim;
    private WebView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (view != null) fx(() -> {
            view.getEngine().load("about:blank");
            return null;
        });
        if (sim != null) sim.close();
    }

    @Test
    void sampleWidgetDrivesTheFakeAgentDesktopAndHearsItsEvents() throws Exception {
        sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
        view = fx(WebView::new);
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        fx(() -> {
            view.getEngine().getLoadWorker().stateProperty().addListener((o, was, now) -> {
                if (now == Worker.State.SUCCEEDED) loaded.complete(null);
            });
            view.getEngine().load(sim.pageUrl());
            return null;
        });
        loaded.get(30, TimeUnit.SECONDS);
        await("the sample widget binds its callback",
                () -> sim.recorded().stream().anyMatch(r -> r.qualified().equals("WIDGET.bindContactCallback")));

        fx(() -> view.getEngine().executeScript("document.getElementById('widget').contentWindow.AGENTDESKTOP.AGENT.Login()"));
        await("AGENT.Login recorded", () -> sim.recorded().stream().anyMatch(r -> r.qualified().equals("AGENT.Login")));

        String id = sim.inbound("3393669393", "225727273", "QUEUE25");
        await("the widget's callback saw RINGING", () -> widgetLog().contains("[RINGING] " + id));
        assertTrue(widgetLog().contains("[AGENT:LOGGEDIN]"), widgetLog());

        fx(() -> view.getEngine().executeScript(
                "document.getElementById('widget').contentWindow.AGENTDESKTOP.CONTACT.Answer('" + id + "')"));
        await("ESTABLISHED reaches the widget", () -> widgetLog().contains("[ESTABLISHED] " + id));
    }

    /**
     * Issue 20: with a call listed, the contact table ran under the widget bar. In a panel as narrow as the
     * bar's (730 px), the table and the page stay on their side of it: long ids wrap, nothing scrolls sideways.
     */
    @Test
    void theContactTableStaysOnItsSideOfTheWidgetBar() throws Exception {
        sim = new AgentDesktopSimulator().start();
        view = fx(WebView::new);
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        fx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 730, 560));
            stage.show();
            view.getEngine().getLoadWorker().stateProperty().addListener((o, was, now) -> {
                if (now == Worker.State.SUCCEEDED) loaded.complete(null);
            });
            view.getEngine().load(sim.pageUrl());
            return null;
        });
        loaded.get(30, TimeUnit.SECONDS);
        sim.inbound("3393669393", "225727273", "QUEUE25");
        sim.chat("mario.rossi.with.a.rather.long.address@example.it");
        await("both contacts listed", () -> "2".equals(js("document.querySelectorAll('#contacts tr').length")));
        String table = js("(function(){var r=document.querySelector('main table').getBoundingClientRect();return r.left+','+r.right;})()");
        String aside = js("String(document.querySelector('aside').getBoundingClientRect().left)");
        double tableRight = Double.parseDouble(table.split(",")[1]);
        assertTrue(tableRight <= Double.parseDouble(aside) + 0.5, "table " + table + " reaches past the widget bar at " + aside);
        assertTrue(Boolean.parseBoolean(js("String(document.documentElement.scrollWidth <= document.documentElement.clientWidth)")),
                "the page does not scroll sideways");
    }

    private String js(String script) {
        try {
            return String.valueOf(fx(() -> view.getEngine().executeScript(script)));
        } catch (Exception e) {
            return "";
        }
    }

    private String widgetLog() {
        try {
            return String.valueOf(fx(() -> view.getEngine().executeScript(
                    "document.getElementById('widget').contentDocument.getElementById('log').textContent")));
        } catch (Exception e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
