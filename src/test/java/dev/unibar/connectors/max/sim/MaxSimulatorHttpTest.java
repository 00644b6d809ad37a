package dev.unibar.connectors.max.sim;

import dev.unibar.simkit.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Raw sockets: java.net.http will not let a test send a forged Host header. */
class MaxSimulatorHttpTest {

    private static MaxSimulator sim;

    @BeforeAll
    static void start() {
        sim = new MaxSimulator().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String request(String method, String path, String host, String... headers) throws Exception {
        return send(method, path, host, "", headers);
    }

    private static String send(String method, String path, String host, String body, String... headers) throws Exception {
        return RawHttp.exchange(sim.port(), method, path, host, body, headers);
    }

    private static String host() {
        return "127.0.0.1:" + sim.port();
    }

    /** The page's one-time address, opened: the session cookie it gave ("simkit-PORT=…"). */
    private static String openPage() throws Exception {
        String page = request("GET", sim.pageUrl().substring(sim.origin().length()), host());
        assertTrue(page.startsWith("HTTP/1.1 200"), page);
        String cookie = page.lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11)).findFirst().orElseThrow();
        return cookie.substring(11).trim().split(";")[0];
    }

    @Test
    void servesThePageOnlyToLoopbackHostsAndOnlyThroughItsOneTimeAddress() throws Exception {
        assertTrue(request("GET", "/max/", host()).startsWith("HTTP/1.1 401"), "a bare request gets no page");
        String keyed = sim.pageUrl().substring(sim.origin().length());
        assertTrue(request("GET", keyed, "evil.example:" + sim.port()).startsWith("HTTP/1.1 421"));
        String ok = request("GET", keyed, "localhost:" + sim.port());
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
        assertFalse(ok.contains("Access-Control-Allow-Origin"));
        assertFalse(ok.contains(sim.controlSecret()), "no secret in the page");
        assertFalse(ok.contains("TOKEN"), "no token in the page any more");
        assertTrue(request("GET", keyed, host()).startsWith("HTTP/1.1 401"), "the address works once");
    }

    @Test
    void controlNeedsTheSecretAndOurOrigin() throws Exception {
        assertTrue(request("POST", "/control/scenario/available", host()).startsWith("HTTP/1.1 401"));
        assertTrue(request("POST", "/control/scenario/available", host(), "X-Sim-Secret: wrong").startsWith("HTTP/1.1 401"));
        assertTrue(request("POST", "/control/scenario/available", host(), "X-Sim-Secret: " + sim.controlSecret(),
                "Origin: https://evil.example").startsWith("HTTP/1.1 403"));
        String ok = send("POST", "/control/scenario/unavailable", host(), "{\"reason\":\"Break\"}",
                "X-Sim-Secret: " + sim.controlSecret(), "Content-Type: application/json");
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
        assertEquals("Unavailable", sim.state().agentState());
        assertTrue(request("POST", "/control/scenario/nope", host(), "X-Sim-Secret: " + sim.controlSecret()).startsWith("HTTP/1.1 404"));
    }

    @Test
    void pageChannelNeedsThePageSessionAndRoundTrips() throws Exception {
        assertTrue(request("GET", "/max/api/next?wait=0", host()).startsWith("HTTP/1.1 401"));
        String session = "Cookie: " + openPage();
        String body = "{\"window\":\"wT\",\"origin\":\"" + sim.origin() + "\",\"data\":{\"messageType\":\"RegisterForClientEvents\","
                + "\"issuer\":\"T\",\"subscriptionTypes\":[\"agent\"]}}";
        assertTrue(send("POST", "/max/api/client", host(), body, "Content-Type: application/json").startsWith("HTTP/1.1 401"));
        String posted = send("POST", "/max/api/client", host(), body, session, "Content-Type: application/json",
                "Origin: " + sim.origin());
        assertTrue(posted.startsWith("HTTP/1.1 200"), posted);
        String next = request("GET", "/max/api/next?after=0&wait=0", host(), session);
        assertTrue(next.contains("\"window\":\"wT\""), next);
        assertTrue(next.contains("ClientEventSubscriptionAcknowledge"), next);
        assertTrue(request("GET", "/control/received", host(), session).startsWith("HTTP/1.1 401"),
                "the page's session is not the control secret");
        String received = request("GET", "/control/received", host(), "X-Sim-Secret: " + sim.controlSecret());
        assertTrue(received.contains("RegisterForClientEvents"), received);
    }

    @Test
    void theStateNeedsTheSecretToo() throws Exception {
        assertTrue(request("GET", "/control/state", host()).startsWith("HTTP/1.1 401"));
        String state = request("GET", "/control/state", host(), "X-Sim-Secret: " + sim.controlSecret());
        assertTrue(state.contains("\"flavor\""), state);
    }
}
