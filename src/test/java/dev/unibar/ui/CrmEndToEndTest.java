package dev.unibar.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.CdpDriver;
import dev.unibar.config.CrmConfig;
import dev.unibar.config.FeaturesConfig;
import dev.unibar.config.Secret;
import dev.unibar.connectors.agentdesktop.LoopbackCertificate;
import dev.unibar.connectors.ucs.UcsModule;
import dev.unibar.connectors.ucs.sim.Recorded;
import dev.unibar.connectors.ucs.sim.UcsSimSettings;
import dev.unibar.connectors.ucs.sim.UcsSimulator;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.crm.WebhookSignature;
import dev.unibar.journal.CallJournal;
import dev.unibar.localapi.LocalApiServer;
import dev.unibar.localapi.Pairings;
import dev.unibar.testkit.ApiSchemas;
import dev.unibar.testkit.Browsers;
import dev.unibar.testkit.Click;
import dev.unibar.testkit.Wait;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23's "done": the sample CRM page (examples/crm) in real headless Chromium, served from an https origin of
 * its own (its own certificate; Chromium told it is a public site, so reaching the bar is a public-to-loopback
 * request) against the bar on the UCS simulator. The agent pairs it in the bar, the page pops the ringing
 * caller's record, answers through the API, sees the call end, logs it with a disposition and notes, and the
 * webhook receiver gets the signed record. The same page from an origin the config does not list, from a listed
 * one the agent never allowed, and a rebinding page on the API's own port get nothing.
 */
@ExtendWith(ApplicationExtension.class)
class CrmEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Secret SECRET = Secret.of("whsec_e2e_5f1c0a");

    @TempDir
    Path dir;
    private Stage stage;
    private UcsSimulator sim;
    private VendorContext ctx;
    private CallJournal journal;
    private org.eclipse.jetty.server.Server site;
    private HttpServer receiver;
    private CdpDriver browser;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<String[]> hooks = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (ctx != null) {
            Fx.run(() -> ctx.page().load("about:blank"));
            try {
                Fx.until("page unloaded", () -> sim.connectedPages() == 0);
            } catch (AssertionError slow) {
                // cleanup only
            }
            Fx.run(ctx::close);
        } else if (sim != null) {
            sim.close();
        }
        if (journal != null) journal.close();
        if (site != null) {
            try {
                site.stop();
            } catch (Exception ignored) {
                // cleanup only
            }
        }
        if (receiver != null) receiver.stop(0);
    }

    @Test
    void aPairedCrmPageSeesTheCallAnswersItAndGetsTheLoggedRecordOthersGetNothing(FxRobot robot) throws Exception {
        Browsers.installed().ifPresentOrElse(p -> { }, () -> org.junit.jupiter.api.Assumptions.abort(Browsers.SKIP));
        LoopbackCertificate cert = LoopbackCertificate.create(Instant.now());
        int sitePort = site(cert);
        String crm = "https://crm.test:" + sitePort;
        String crm2 = "https://crm2.test:" + sitePort;
        int hookPort = receiver();

        sim = new UcsSimulator(0, UcsSimSettings.defaults().delays(UcsSimSettings.Delays.fast())).start();
        journal = CallJournal.open(dir.resolve("journal.db"), null, Clock.systemUTC());
        CrmConfig link = new CrmConfig(new CrmConfig.LocalApi(true, 0, List.of(crm, crm2), null, 20),
                List.of(new CrmConfig.Webhook("crm", URI.create("http://127.0.0.1:" + hookPort + "/calls"), SECRET, 5)),
                null, new CrmConfig.Dispositions(true, List.of("Sale", "No sale", "Call back"), true, 120, 2000));
        FeaturesConfig features = new FeaturesConfig(null, null, null, null, null, link);
        Fx.get(() -> {
            ctx = VendorContext.open(new UcsModule(), env -> UcsModule.forSimulator(sim, env), Clock.systemUTC());
            journal.attach(ctx.session());
            ctx.linkCrm(features, journal, dir);
            stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
            stage.show();
            ctx.session().start();
            return null;
        }, 60);
        LocalApiServer api = ctx.crmLink().orElseThrow().api().orElseThrow();
        Pairings pairings = api.pairings();
        signInAndGoReady(robot);

        browser = CdpDriver.launch(Browsers.headless("crm").withArgs(List.of(
                "--host-resolver-rules=MAP crm.test 127.0.0.1, MAP crm2.test 127.0.0.1, MAP evil.test 127.0.0.1,"
                        + " MAP rebind.test 127.0.0.1",
                "--ignore-certificate-errors-spki-list=" + spki(cert),
                // The CRM is a public web site as far as Chromium's Private/Local Network Access goes.
                "--ip-address-space-overrides=127.0.0.1:" + sitePort + "=public")), console::add);
        // What the agent (or IT, by policy) grants the CRM in a Chromium that asks before a site reaches loopback
        // (Local Network Access: "loopback-network" in Chromium 156; the older name is granted too).
        assertTrue(browser.grant("loopback-network", crm) | browser.grant("local-network-access", crm));
        browser.grant("loopback-network", crm2);

        // 1. The page asks; the agent allows it in the bar.
        browser.open(crm + "/index.html?api=" + api.port());
        waitPage("the page waits for the agent", "crm.seen.state === 'pending'");
        Fx.until("the bar asks the agent", () -> robot.lookup("#pairingAllow").tryQuery().isPresent());
        assertEquals(List.of(crm), pairings.pending());
        assertEquals("pending", pageState());
        Button allow = robot.lookup("#pairingAllow").query();
        Fx.until("Allow armed", () -> !allow.isDisabled());
        Click.on(robot, "#pairingAllow");
        waitPage("the page is paired", "crm.seen.state === 'paired'");

        // 2. A call rings: the page pops the caller's record; it answers through the API.
        sim.scenario("inbound", Map.of("number", "777123456", "name", "Jan Novák"));
        waitPage("the pop", "crm.seen.pops.length === 1");
        JsonNode pop = browser.eval("crm.seen.pops[0]");
        assertEquals("C-1001", pop.path("contact").asText(), "found by number: " + pop);
        assertTrue(browser.eval("document.getElementById('pop').textContent").asText().contains("Novák s.r.o."));
        waitPage("Answer enabled by the API's allowed list", "!document.getElementById('answer').disabled");
        browser.eval("document.getElementById('answer').click()");
        assertNotNull(sim.awaitRecorded("answer", WAIT), "the simulator was told to answer");
        Fx.until("talking in the bar", () -> ctx.session().store().state().activeCall()
                .map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
        waitPage("the page sees it talking", "document.getElementById('agent').textContent === 'talking'");

        // 3. The caller hangs up; the page logs the call with a disposition and notes.
        sim.scenario("remote-hangup", Map.of());
        waitPage("the log form", "!document.getElementById('logForm').hidden");
        assertEquals("[\"Sale\",\"No sale\",\"Call back\"]", browser.eval("JSON.stringify(crm.seen.codes)").asText());
        browser.eval("document.getElementById('disposition').value = 'Sale';"
                + "document.getElementById('notes').value = 'Wants the blue one';"
                + "document.getElementById('logCall').click()");
        Wait.until("the webhook got the record", WAIT, () -> !hooks.isEmpty());
        String[] hook = hooks.get(0);
        JsonNode record = JSON.readTree(hook[0]);
        ApiSchemas.check("call-record", record);
        assertEquals("Sale", record.path("disposition").asText());
        assertEquals("Wants the blue one", record.path("notes").asText());
        assertEquals("777123456", record.path("from").path("number").asText());
        assertEquals(record.path("id").asText(), hook[1], "Idempotency-Key is the record's id");
        assertTrue(WebhookSignature.verify(SECRET, hook[2], hook[0], Instant.now().getEpochSecond(), 300));
        waitPage("the page heard the call logged", "crm.seen.logged.length === 1");
        assertEquals(record.path("id").asText(), browser.eval("crm.seen.logged[0].id").asText());
        Recorded code = sim.awaitRecorded("setAccountCode", WAIT);
        assertNotNull(code, "UCS was given the disposition as the call's account code");
        assertTrue(code.args().contains("Sale"), "setAccountCode" + code.args());

        // 4. An origin the config does not list: not even the client script loads; the agent is never asked.
        browser.open("https://evil.test:" + sitePort + "/index.html?api=" + api.port());
        waitPage("the evil page is turned away", "crm.seen.state === 'unreachable'");
        assertTrue(pairings.pending().isEmpty());

        // 5. A listed origin the agent has not allowed: it waits, and a call ringing meanwhile reaches it not.
        browser.open(crm2 + "/index.html?api=" + api.port());
        Fx.until("the bar asks about crm2", () -> pairings.pending().contains(crm2));
        sim.scenario("inbound", Map.of("number", "5511987654321", "name", "Maria"));
        Fx.until("ringing in the bar", () -> ctx.session().store().state().ringingInbound().isPresent());
        Fx.run(() -> { });
        assertEquals("pending", pageState());
        assertEquals(0, browser.eval("crm.seen.events").asInt(), "no event before the agent allows it");
        assertEquals(0, browser.eval("crm.seen.pops.length").asInt());
        Click.on(robot, "#pairingDeny");
        waitPage("denied", "crm.seen.state === 'denied'");

        // 6. DNS rebinding: a page whose own name now points at 127.0.0.1, on the API's port, is misdirected.
        browser.open("http://rebind.test:" + api.port() + "/v1/unibar-client.js");
        String body = browser.eval("document.body.innerText").asText();
        assertTrue(body.contains("misdirected"), body);
        assertFalse(body.contains("UnibarClient"));
    }

    private String seen() {
        try {
            return browser.eval("JSON.stringify(window.crm ? crm.seen : null) + ' ' + location.href + ' ' + document.readyState"
                    + " + ' ' + performance.getEntriesByType('resource').map(e => e.name + ':' + e.responseStatus).join(',')").asText();
        } catch (Exception e) {
            return String.valueOf(e);
        }
    }

    private String pageState() throws Exception {
        return browser.eval("crm.seen.state").asText();
    }

    private void waitPage(String what, String condition) {
        Wait.until(what + " (console: " + console + ", seen: " + seen() + ")", WAIT, () -> {
            try {
                return browser.eval("(() => { try { return !!(" + condition + "); } catch (e) { return false; } })()").asBoolean();
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void signInAndGoReady(FxRobot robot) throws Exception {
        Fx.until("login form", () -> ctx.session().store().state().phase() == SessionPhase.CREDENTIALS
                && robot.lookup("#loginView").query().isVisible());
        Click.on(robot, "#password").write("agent");
        Click.on(robot, "#login");
        Fx.until("device picker", () -> robot.lookup("#devicePicker").query().isVisible()
                && !((ListView<?>) robot.lookup("#deviceList").query()).getItems().isEmpty());
        Fx.run(() -> ((ListView<?>) robot.lookup("#deviceList").query()).getSelectionModel().select(0));
        Click.on(robot, "#pairDevice");
        Fx.until("ready", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        Click.on(robot, "#stateSelector");
        Click.on(robot, "#state-READY");
        Fx.until("agent ready", () -> ctx.session().store().state().agentState() == AgentState.READY);
    }

    /** The sample page, as any web server would serve examples/crm/, over https with its own certificate. */
    private int site(LoopbackCertificate cert) throws Exception {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        ssl.setKeyStore(cert.keyStore());
        ssl.setKeyStorePassword(new String(cert.password()));
        org.eclipse.jetty.server.HttpConfiguration hc = new org.eclipse.jetty.server.HttpConfiguration();
        org.eclipse.jetty.server.SecureRequestCustomizer src = new org.eclipse.jetty.server.SecureRequestCustomizer();
        src.setSniHostCheck(false);
        hc.addCustomizer(src);
        site = dev.unibar.bridge.LoopbackRequests.server("crm-site", 8);
        org.eclipse.jetty.server.ServerConnector c = dev.unibar.bridge.LoopbackRequests.connector(site, 0,
                new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(hc));
        Path root = Path.of("examples", "crm").toAbsolutePath();
        site.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request req, org.eclipse.jetty.server.Response resp,
                                  org.eclipse.jetty.util.Callback cb) throws Exception {
                String name = org.eclipse.jetty.server.Request.getPathInContext(req).replaceFirst("^/", "");
                Path f = root.resolve(name.isEmpty() ? "index.html" : name).normalize();
                if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                    org.eclipse.jetty.server.Response.writeError(req, resp, cb, 404);
                    return true;
                }
                byte[] body = Files.readAllBytes(f);
                String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
                resp.getHeaders().put("Content-Type", type + "; charset=utf-8");
                resp.write(true, java.nio.ByteBuffer.wrap(body), cb);
                return true;
            }
        });
        site.start();
        return c.getLocalPort();
    }

    private int receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/calls", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hooks.add(new String[]{body, ex.getRequestHeaders().getFirst("Idempotency-Key"),
                    ex.getRequestHeaders().getFirst(WebhookSignature.HEADER)});
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        return receiver.getAddress().getPort();
    }

    private static String spki(LoopbackCertificate cert) throws Exception {
        byte[] der = cert.certificate().getPublicKey().getEncoded();
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
