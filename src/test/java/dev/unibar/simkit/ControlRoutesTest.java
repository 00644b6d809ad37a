package dev.unibar.simkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.unibar.simkit.RawHttp.body;
import static dev.unibar.simkit.RawHttp.exchange;
import static dev.unibar.simkit.RawHttp.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario plumbing every simulator shares: list, run by name with parameters, and its HTTP endpoint. */
class ControlRoutesTest {

    private final List<String> rang = new ArrayList<>();
    private final ScenarioBook book = new ScenarioBook()
            .add("inbound", "a call rings", (p, out) -> {
                long offset = p.num("offset", 0);
                if (!rang.isEmpty()) throw new IllegalStateException("a call is ringing already");
                rang.add(p.str("number", "100"));
                out.put("id", rang.size() + offset);
            }, "number", "caller", "offset", "added to the id")
            .add("quiet", "nothing", (p, out) -> { });
    private LoopbackServer server;
    private SimGate gate;
    private final List<String> after = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new LoopbackServer("routes-test", 8);
        gate = new SimGate(() -> server.port(), SimGate.Origins.OWN).secret("/control/*");
        ControlRoutes routes = new ControlRoutes("/control/").scenarios(book)
                .get("state", p -> Map.of("rang", List.copyOf(rang), "q", p.str("q", "")))
                .post("restart", p -> new ControlRoutes.AfterReply(202, Map.of("ok", true), () -> after.add("restarted")));
        server.start(0, gate, s -> new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                                  org.eclipse.jetty.util.Callback callback) throws Exception {
                return routes.handle(request, response, callback)
                        || Replies.error(response, callback, 404, "not control");
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String call(String method, String path, String body) throws Exception {
        return exchange(server.port(), method, path, "127.0.0.1:" + server.port(), body,
                SimGate.SECRET_HEADER + ": " + gate.secret(), "Content-Type: application/json");
    }

    @Test
    void theJavaApiRunsByNameWithParametersAndSaysWhatItStarted() {
        Map<String, Object> out = book.run("inbound", Map.of("number", "555", "offset", 10));
        assertEquals(Map.of("ok", true, "scenario", "inbound", "id", 11L), out);
        assertEquals(List.of("555"), rang);
        assertEquals(List.of("inbound", "quiet"), book.names());
        assertEquals(Map.of("number", "caller", "offset", "added to the id"), book.list().get(0).params());
        assertThrows(ScenarioBook.UnknownScenario.class, () -> book.run("Inbound", Map.of()), "names are exact");
        assertTrue(new ScenarioBook().ignoreCase().add("inbound", "", (p, o) -> { }).knows("INBOUND"));
    }

    @Test
    void overHttpEachFailureHasItsStatus() throws Exception {
        String list = call("GET", "/control/scenarios", null);
        assertEquals(200, status(list));
        assertTrue(body(list).contains("\"name\":\"inbound\"") && body(list).contains("\"params\""), list);
        assertEquals(400, status(call("POST", "/control/scenario/inbound", "{\"offset\":\"ten\"}")), "bad parameter");
        assertEquals(400, status(call("POST", "/control/scenario/inbound", "[1]")), "not an object");
        assertEquals(400, status(call("POST", "/control/scenario/inbound", "{")), "not JSON");
        assertTrue(rang.isEmpty());
        String ok = call("POST", "/control/scenario/inbound", "{\"number\":\"777\"}");
        assertEquals(200, status(ok), ok);
        assertTrue(body(ok).contains("\"scenario\":\"inbound\""), ok);
        assertEquals(409, status(call("POST", "/control/scenario/inbound", "")), "wrong state");
        assertEquals(404, status(call("POST", "/control/scenario/nope", "")), "unknown scenario");
        assertEquals(404, status(call("GET", "/control/nope", null)), "unknown endpoint");
        assertEquals(404, status(call("GET", "/control/scenario/inbound", null)), "a scenario is a POST");
        String state = call("GET", "/control/state?q=x&secret=hidden", null);
        assertTrue(body(state).contains("\"q\":\"x\""), state);
        assertTrue(!body(state).contains("hidden"), state);
    }

    @Test
    void anActionCanRunOnceItsReplyHasGone() throws Exception {
        String r = call("POST", "/control/restart", "");
        assertEquals(202, status(r));
        testkitWait(() -> after.contains("restarted"));
    }

    private static void testkitWait(java.util.function.BooleanSupplier done) {
        dev.unibar.testkit.Wait.until("the action after the reply", java.time.Duration.ofSeconds(10), done);
    }
}
