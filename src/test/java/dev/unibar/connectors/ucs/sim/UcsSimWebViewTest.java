package dev.unibar.connectors.ucs.sim;

import javafx.scene.Scene;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The fake operator script in a real JavaFX WebView (Monocle, headless): the page's callbacks fire and
 * the script's own GUI drives the simulator.
 */
class UcsSimWebViewTest {

    private UcsSimulator sim;
    private WebView view;
    private WebEngine engine;
    private Stage stage;
    private dev.unibar.bridge.HostServer pageServer;

    @BeforeEach
    void setUp() throws Exception {
        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        stage = FxToolkit.registerPrimaryStage();
        fx(() -> {
            view = new WebView();
            engine = view.getEngine();
            stage.setScene(new Scene(view, 640, 480));
            stage.show();
            return null;
        });
    }

    /**
     * The page is unloaded completely before the simulator goes away: a long-poll answered into a page
     * that is being torn down was seen to abort the JVM at exit (WebKit native code).
     */
    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            engine.load("about:blank");
            return null;
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !Boolean.TRUE.equals(fx(() ->
                engine.getLoadWorker().getState() == javafx.concurrent.Worker.State.SUCCEEDED
                        && "about:blank".equals(engine.getLocation())))) {
            Thread.sleep(20);
        }
        fx(() -> {
            stage.setScene(null);
            stage.hide();
            view = null;
            engine = null;
            return null;
        });
        sim.stop();
        if (pageServer != null) pageServer.stop();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return dev.unibar.testkit.OnFx.get(c);
    }

    private Object js(String script) throws Exception {
        return fx(() -> engine.executeScript(script));
    }

    private void awaitJs(String condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(js("!!(" + condition + ")"))) return;
            Thread.sleep(25);
        }
        throw new AssertionError("never true in the page: " + condition + "; callbacks: "
                + js("JSON.stringify((window.ucsCallbacks||[]).map(function(c){return c.callback;}))"));
    }

    private String callbackNames() throws Exception {
        return (String) js("(window.ucsCallbacks||[]).map(function(c){return c.callback;}).join(',')");
    }

    @Test
    void scriptFiresCallbacksAndItsGuiDrivesTheSimulator() throws Exception {
        fx(() -> {
            engine.load(sim.demoPageUrl() + "?listDevices=true");
            return null;
        });
        awaitJs("window.ucsCallbacks && window.ucsCallbacks.some(function(c){return c.callback==='onCredentials';})");
        assertEquals("onConnect,onCredentials", callbackNames());
        assertEquals(UcsSimSettings.VERSION, js("window.ucsCallbacks[0].args[0]"));
        assertEquals("function", js("typeof window.ucsOperator.finishTransfer"));
        assertEquals(true, sim.hello().get("listDevices"));

        // The agent types into the script's own login form.
        awaitJs("document.getElementById('ucs-login')");
        js("document.getElementById('ucs-username').value='agent';document.getElementById('ucs-password').value='nope';"
                + "document.getElementById('ucs-login').click()");
        awaitJs("document.getElementById('ucs-login-error').textContent==='Invalid credentials'");
        js("document.getElementById('ucs-password').value='agent';document.getElementById('ucs-login').click()");
        awaitJs("document.getElementById('ucs-device-201')");
        js("document.getElementById('ucs-device-201').click()");
        awaitJs("window.ucsCallbacks.some(function(c){return c.callback==='onReady';})");
        assertEquals("OFFLINE", js("window.ucsOperator.state().status"));
        assertEquals("default", js("window.ucsOperator.state().ringingSound"));

        // The host page drives the bar through the documented methods.
        js("window.ucsOperator.changeStatus('READY')");
        awaitJs("document.getElementById('ucs-agent-status').textContent==='READY'");
        sim.scenario("inbound", Map.of("number", "603987654", "name", "Tomáš Dvořák"));
        awaitJs("document.getElementById('ucs-answer')");
        assertEquals("603987654", js("window.ucsOperator.state().call.number"));
        js("document.getElementById('ucs-answer').click()");
        awaitJs("window.ucsCallbacks.some(function(c){return c.callback==='onCallConnect';})");
        awaitJs("document.querySelector('.ucs-call-state').textContent==='spojen'");
        js("document.getElementById('ucs-hangup').click()");
        awaitJs("window.ucsCallbacks.some(function(c){return c.callback==='onCallHangup' && c.args[0].cause===4;})");
        assertEquals("agent", sim.awaitRecorded("login", Duration.ofSeconds(5)).args().get(0));
        assertEquals("******", sim.awaitRecorded("login", Duration.ofSeconds(5)).args().get(1));
    }

    @Test
    void aThrowingHostCallbackDoesNotStopTheScript() throws Exception {
        // Served from a loopback origin: a loadContent page has the opaque origin "null", which the
        // simulator refuses like any other foreign origin (issue 13).
        dev.unibar.bridge.HostServer page = new dev.unibar.bridge.HostServer();
        page.addPage("/crm", () -> "<html><body><div id='app'></div><script>"
                + "window.seen=[];window.ucsOperator={api:{hostname:'127.0.0.1',port:" + sim.port() + "},headless:true,withoutDevice:true,"
                + "onConnect:function(){throw new Error('host bug');},"
                + "onCredentials:function(){window.seen.push('credentials');window.ucsOperator.login('agent','agent',false);},"
                + "onReady:function(s){window.seen.push('ready:'+s.status);}};"
                + "</script><script src='" + sim.scriptUrl() + "'></script></body></html>");
        page.start();
        pageServer = page;
        fx(() -> {
            engine.load(page.url("/crm"));
            return null;
        });
        awaitJs("window.seen && window.seen.indexOf('ready:OFFLINE')>=0");
        assertEquals("credentials,ready:OFFLINE", js("window.seen.join(',')"));
        assertEquals(true, sim.hello().get("headless"));
        assertEquals("", js("document.getElementById('app').innerHTML"), "headless draws no GUI");
        assertFalse(sim.recorded().isEmpty());
    }
}
