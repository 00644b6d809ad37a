package dev.unibar.simkit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.unibar.simkit.RawHttp.exchange;
import static dev.unibar.simkit.RawHttp.header;
import static dev.unibar.simkit.RawHttp.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one gate of the five simulators, against every trick of the probes (issues 13 and 22): a foreign or
 * rebinding Host, a Host without port or with another port, {@code [::1]evil}, {@code 127.0.0.1.evil}, a
 * {@code null} or foreign Origin, a missing or wrong secret, the secret where the simulator does not take
 * it, and the page session another local process cannot get. What reached the simulator behind the gate is
 * recorded: a refused request leaves no trace there.
 */
class SimGateTest {

    private final List<String> reached = Collections.synchronizedList(new ArrayList<>());
    private LoopbackServer server;
    private SimGate gate;

    @BeforeEach
    void start() {
        server = new LoopbackServer("gate-test", 8);
        gate = new SimGate(() -> server.port(), SimGate.Origins.OWN).secret("/control/*").session("/page/api/*", "/page/");
        server.start(0, gate, s -> new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                reached.add(request.getMethod() + " " + path);
                return Replies.send(response, callback, 200, "text/plain", "reached " + path);
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String host() {
        return "127.0.0.1:" + server.port();
    }

    private String own() {
        return "http://127.0.0.1:" + server.port();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:PORT", "127.0.0.1", "localhost", "[::1]", "127.0.0.1:1", "127.0.0.1:PORT0",
            "[::1]evil", "[::1]evil:PORT", "127.0.0.1.evil:PORT", "127.0.0.1.nip.io:PORT", "localhost.:PORT",
            "127.0.0.2:PORT", ":PORT", "0x7f000001:PORT", "[::1]:PORT:PORT", "127.0.0.1:+PORT", "127.0.0.1:123456"})
    void aHostThatIsNotALoopbackNameWithThisPortIsRefused(String trick) throws Exception {
        String h = trick.replace("PORT", String.valueOf(server.port()));
        assertFalse(gate.hostAllowed(h), h);
        String answer = exchange(server.port(), "GET", "/open", h, null);
        // Jetty answers a Host it cannot parse (a port over 65535, "[::1]evil") with 400 before the gate sees it.
        int status = status(answer);
        assertTrue(status == 421 || status == 400 && !trick.startsWith("evil"), h + ":\n" + answer);
        assertEquals("close", header(answer, "Connection"));
        assertTrue(reached.isEmpty(), "nothing reached the simulator: " + reached);
    }

    @Test
    void noHostAtAllIsRefused() throws Exception {
        assertFalse(gate.hostAllowed(null));
        assertNotEquals(200, status(exchange(server.port(), "GET", "/open", null, null)));
        assertTrue(reached.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "[::1]:PORT", "LocalHost:PORT"})
    void theLoopbackNamesWithThisPortAreServed(String name) throws Exception {
        String h = name.replace("PORT", String.valueOf(server.port()));
        assertTrue(gate.hostAllowed(h));
        assertEquals(200, status(exchange(server.port(), "GET", "/open", h, null)));
        assertEquals(List.of("GET /open"), reached);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "http://evil.example", "https://evil.example", "http://127.0.0.1:1",
            "http://127.0.0.1", "https://127.0.0.1:PORT", "http://127.0.0.1.evil:PORT", "http://[::1]evil:PORT",
            "http://127.0.0.1:PORT/", "http://user@127.0.0.1:PORT", "file://", ""})
    void anOriginThatIsNotTheSimulatorsOwnIsRefused(String trick) throws Exception {
        String o = trick.replace("PORT", String.valueOf(server.port()));
        assertFalse(gate.originAllowed(o), o);
        String answer = exchange(server.port(), "POST", "/control/reset", host(), "{}", "Origin: " + o,
                SimGate.SECRET_HEADER + ": " + gate.secret());
        assertEquals(403, status(answer), o + ":\n" + answer);
        assertNull(header(answer, "Access-Control-Allow-Origin"), "no CORS answer for a refused origin");
        assertTrue(reached.isEmpty());
    }

    @Test
    void theOwnOriginAndAForwardedPortAreServed() throws Exception {
        assertEquals(200, status(exchange(server.port(), "GET", "/open", host(), null, "Origin: " + own())));
        assertEquals(200, status(exchange(server.port(), "GET", "/open", host(), null,
                "Origin: http://localhost:" + server.port())));
        assertEquals(421, status(exchange(server.port(), "GET", "/open", "127.0.0.1:4242", null)));
        gate.allowPort(4242);
        assertEquals(200, status(exchange(server.port(), "GET", "/open", "127.0.0.1:4242", null,
                "Origin: http://127.0.0.1:4242")));
        assertEquals(3, reached.size());
    }

    @Test
    void aLoopbackGateTakesEveryLoopbackHttpOriginAndAddedOnesAndEchoesThem() {
        SimGate loopback = new SimGate(() -> 80, SimGate.Origins.LOOPBACK).cors();
        assertTrue(loopback.originAllowed("http://127.0.0.1:1234"));
        assertTrue(loopback.originAllowed("http://localhost"));
        assertTrue(loopback.originAllowed("http://[::1]:5"));
        assertFalse(loopback.originAllowed("https://127.0.0.1:1234"), "a loopback https page is not Unibar's");
        assertFalse(loopback.originAllowed("null"));
        assertFalse(loopback.originAllowed("http://127.0.0.1.evil:1234"));
        assertFalse(loopback.originAllowed("https://crm.example"));
        loopback.allowOrigin("https://CRM.example");
        assertTrue(loopback.originAllowed("https://crm.example"));
    }

    @Test
    void theSecretIsNeededWhereTheSimulatorSaysAndOnlyInTheHeaderUnlessItTakesTheQuery() throws Exception {
        assertEquals(401, status(exchange(server.port(), "POST", "/control/reset", host(), "{}")), "missing");
        assertEquals(401, status(exchange(server.port(), "POST", "/control/reset", host(), "{}",
                SimGate.SECRET_HEADER + ": x" + gate.secret())), "wrong");
        assertEquals(401, status(exchange(server.port(), "POST", "/control/reset", host(), "{}",
                SimGate.SECRET_HEADER + ": " + gate.secret().substring(1))), "a prefix of it");
        assertEquals(401, status(exchange(server.port(), "GET", "/control/state?secret=" + gate.secret(), host(), null)),
                "this gate takes the secret in the header only");
        assertTrue(reached.isEmpty());
        assertEquals(200, status(exchange(server.port(), "POST", "/control/reset", host(), "{}",
                SimGate.SECRET_HEADER + ": " + gate.secret())));
        assertEquals(List.of("POST /control/reset"), reached);
        assertEquals(200, status(exchange(server.port(), "GET", "/open", host(), null)), "what is not guarded is open");
    }

    @Test
    void aGateThatTakesTheSecretInTheQueryTakesOnlyTheRightOne() throws Exception {
        server.stop();
        gate = new SimGate(() -> server.port(), SimGate.Origins.LOOPBACK).secretInQuery().ignoreCase().secret("/service/sim/*");
        server.start(0, gate, s -> new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                reached.add(Request.getPathInContext(request));
                return Replies.send(response, callback, 200, "text/plain", "ok");
            }
        });
        assertEquals(401, status(exchange(server.port(), "GET", "/Service/Sim/recorded?secret=guess", host(), null)));
        assertEquals(401, status(exchange(server.port(), "GET", "/SERVICE/SIM/recorded", host(), null)), "any case is guarded");
        assertTrue(reached.isEmpty());
        assertEquals(200, status(exchange(server.port(), "GET", "/Service/sim/recorded?secret=" + gate.secret(), host(), null)));
        assertEquals(200, status(exchange(server.port(), "OPTIONS", "/Service/sim/recorded", host(), null,
                "Origin: http://127.0.0.1:9", "Access-Control-Request-Method: POST")), "a preflight carries no secret");
    }

    @Test
    void theSecretIsPerGateAndLongEnough() {
        SimGate other = new SimGate(() -> 1, SimGate.Origins.OWN);
        assertNotEquals(gate.secret(), other.secret());
        assertTrue(gate.secret().length() >= 32, gate.secret());
    }

    @Test
    void thePageSessionComesOnlyFromAOneTimeKey() throws Exception {
        assertEquals(401, status(exchange(server.port(), "GET", "/page/", host(), null)),
                "another local process asking for the page gets nothing");
        assertEquals(401, status(exchange(server.port(), "GET", "/page/api/state", host(), null)));
        assertTrue(reached.isEmpty());

        String keyed = gate.keyedPath("/page/");
        String first = exchange(server.port(), "GET", keyed, host(), null);
        assertEquals(200, status(first), first);
        assertTrue(first.endsWith("reached /page/"), "served as the page itself: " + first);
        String cookie = header(first, "Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertTrue(session.startsWith("simkit-" + server.port() + "="), session);

        assertEquals(401, status(exchange(server.port(), "GET", keyed, host(), null)), "the key works once");
        assertEquals(200, status(exchange(server.port(), "GET", keyed, host(), null, "Cookie: " + session)),
                "a reload by the browser that holds the session");
        assertEquals(200, status(exchange(server.port(), "GET", "/page/api/state", host(), null, "Cookie: " + session)));
        assertEquals(401, status(exchange(server.port(), "GET", "/page/api/state", host(), null,
                "Cookie: simkit-" + server.port() + "=guess")));
        assertEquals(401, status(exchange(server.port(), "GET", "/page/api/state", host(), null,
                "Cookie: simkit-1=" + session.substring(session.indexOf('=') + 1))), "another simulator's cookie name");
        assertEquals(401, status(exchange(server.port(), "POST", "/control/reset", host(), "{}", "Cookie: " + session)),
                "the page session is not the control secret");
        assertEquals(200, status(exchange(server.port(), "GET", "/page/api/state", host(), null,
                SimGate.SECRET_HEADER + ": " + gate.secret())), "the secret opens the page's channel too");
    }

    @Test
    void aKeyFromAnotherGateOrAMadeUpOneOpensNothing() throws Exception {
        SimGate other = new SimGate(() -> server.port(), SimGate.Origins.OWN);
        String foreign = other.keyedPath("/page/");
        String answer = exchange(server.port(), "GET", foreign, host(), null);
        assertEquals(401, status(answer));
        assertNull(header(answer, "Set-Cookie"));
        assertEquals(401, status(exchange(server.port(), "GET", "/simkey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/page/", host(), null)));
        assertTrue(reached.isEmpty());
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String big = "x".repeat((int) LoopbackServer.MAX_REQUEST_BYTES + 1);
        String answer = exchange(server.port(), "POST", "/open", host(), big);
        assertEquals(413, status(answer), answer.substring(0, Math.min(200, answer.length())));
    }

    @Test
    void everyAnswerSaysNoStoreAndNoSniff() throws Exception {
        String answer = exchange(server.port(), "GET", "/open", host(), null);
        assertEquals("no-store", header(answer, "Cache-Control"));
        assertEquals("nosniff", header(answer, "X-Content-Type-Options"));
        assertNull(header(answer, "Access-Control-Allow-Origin"), "an OWN gate sends no CORS headers");
    }
}
