package dev.unibar.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices;
import dev.unibar.testkit.ApiSchemas;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local API as a CRM page and a local program meet it: pairing before anything, numbered events after a
 * snapshot, commands answered as the bar would answer them, and every message valid against its schema.
 */
class LocalApiServerTest {

    @TempDir
    Path dir;
    private ApiRig rig;

    private ApiRig rig(TestVendor vendor) throws Exception {
        rig = new ApiRig(dir, vendor, 50, List.of("Sale", "No sale", "Call back"));
        return rig;
    }

    @AfterEach
    void stop() {
        if (rig != null) rig.close();
    }

    @Test
    void aListedPageWaitsForTheAgentThenGetsTheSnapshotAndNumberedEvents() throws Exception {
        ApiRig r = rig(new TestVendor());
        r.vendor.ready();
        try (ApiRig.Client page = r.connect(ApiRig.CRM, null)) {
            JsonNode pending = page.next();
            assertEquals("pairing", pending.path("type").asText());
            assertEquals("pending", pending.path("state").asText());
            assertEquals(List.of(ApiRig.CRM), r.pairings.pending(), "the bar asks the agent");
            // Before the agent answers, nothing of the calls reaches the page.
            r.vendor.ring("c1", "+420777123456", "Jan Novák");
            JsonNode refused = page.command("{\"type\":\"command\",\"id\":\"a\",\"command\":\"answer\"}");
            assertEquals("not_paired", refused.path("error").path("code").asText());
            assertTrue(r.vendor.commands.isEmpty(), "nothing reached the vendor");
            assertTrue(page.messages.isEmpty(), "no event before pairing: " + page.messages);

            r.pairings.approve(ApiRig.CRM);
            assertEquals("approved", page.next("pairing").path("state").asText());
            JsonNode hello = page.next("hello");
            JsonNode snap = hello.path("snapshot");
            assertEquals("ringing", snap.path("derivedState").asText(), "the snapshot has the call that rang meanwhile");
            assertEquals("c1", snap.path("calls").get(0).path("call").path("id").asText());
            assertEquals("+420777123456", snap.path("calls").get(0).path("call").path("from").path("number").asText());
            assertTrue(list(snap.path("allowed")).contains("answer"));

            r.vendor.emit(new Event.CallConnected("ucs", null, "c1", null));
            JsonNode connected = page.next("event");
            assertEquals(hello.path("seq").asLong() + 1, connected.path("seq").asLong(), "the next number after the snapshot's");
            assertEquals("call.connected", connected.path("event").path("type").asText());
            assertEquals("talking", connected.path("derivedState").asText());
            assertTrue(list(connected.path("allowed")).contains("hold"));
            assertFalse(list(connected.path("allowed")).contains("answer"));
            r.vendor.emit(new Event.CallEnded("ucs", null, "c1", "caller_hangup"));
            JsonNode ended = page.next("event");
            assertEquals(connected.path("seq").asLong() + 1, ended.path("seq").asLong());
            assertEquals("caller_hangup", ended.path("event").path("cause").asText());
        }
        // Remembered: a new connection from the same page is let in at once.
        try (ApiRig.Client again = r.connect(ApiRig.CRM, null)) {
            assertEquals("approved", again.next().path("state").asText());
            assertEquals("hello", again.next().path("type").asText());
        }
        assertEquals(List.of("https://crm.example.com"),
                List.of(ApiRig.JSON.readTree(Files.readString(dir.resolve("localapi/approved-origins.json"))).path("approved").get(0).asText()));
    }

    @Test
    void aDeniedOriginIsClosedAndThenRefusedAtTheDoor() throws Exception {
        ApiRig r = rig(new TestVendor());
        try (ApiRig.Client page = r.connect(ApiRig.CRM, null)) {
            assertEquals("pending", page.next().path("state").asText());
            r.pairings.deny(ApiRig.CRM);
            assertEquals("denied", page.next("pairing").path("state").asText());
            Wait.until("the socket closed", ApiRig.WAIT, () -> page.closeCode == 1008);
        }
        String upgrade = r.raw(upgrade(r.server.port(), ApiRig.CRM));
        assertTrue(upgrade.startsWith("HTTP/1.1 403"), upgrade);
        HttpResponse<String> post = r.post(ApiRig.CRM, null, "{\"type\":\"command\",\"command\":\"snapshot\"}");
        assertEquals(403, post.statusCode());
        assertEquals("denied", ApiSchemas.check("result", post.body()).path("error").path("code").asText());
    }

    @Test
    void revokingInTheBarClosesThePagesConnectionsAtOnce() throws Exception {
        ApiRig r = rig(new TestVendor());
        try (ApiRig.Client page = r.paired(ApiRig.CRM)) {
            r.pairings.revoke(ApiRig.CRM);
            assertEquals("revoked", page.next("pairing").path("state").asText());
            Wait.until("closed", ApiRig.WAIT, () -> page.closeCode == 1008);
        }
        assertEquals(Pairings.State.UNASKED, r.pairings.state(ApiRig.CRM));
        assertEquals("{\"approved\":[]}", Files.readString(dir.resolve("localapi/approved-origins.json")));
    }

    @Test
    void anOriginTheConfigDoesNotListGetsNothingNotEvenACorsHeader() throws Exception {
        ApiRig r = rig(new TestVendor());
        for (String origin : List.of("https://evil.example", "null", "https://crm.example.com.evil.example",
                "http://crm.example.com", "https://crm.example.com:8443")) {
            HttpResponse<String> post = r.post(origin, null, "{\"type\":\"command\",\"command\":\"snapshot\"}");
            assertEquals(403, post.statusCode(), origin);
            assertTrue(post.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), origin);
            String ws = r.raw(upgrade(r.server.port(), origin));
            assertTrue(ws.startsWith("HTTP/1.1 403"), origin + ": " + ws);
            String pre = r.raw(preflight(r.server.port(), origin));
            assertTrue(pre.startsWith("HTTP/1.1 403"), pre);
            assertFalse(pre.toLowerCase().contains("access-control-allow"), pre);
        }
        assertTrue(r.pairings.pending().isEmpty(), "the agent is never asked about an origin not listed");
    }

    @Test
    void aHostOtherThanLoopbackWithThisPortIsMisdirectedWhateverTheRest() throws Exception {
        ApiRig r = rig(new TestVendor());
        r.pairings.approve(ApiRig.CRM);
        int port = r.server.port();
        for (String host : List.of("rebind.example:" + port, "127.0.0.1:" + (port + 1), "127.0.0.1", "localhost.evil:" + port)) {
            String ws = r.raw(upgrade(port, ApiRig.CRM).replace("Host: 127.0.0.1:" + port, "Host: " + host));
            assertTrue(ws.startsWith("HTTP/1.1 421"), host + ": " + ws);
            String post = r.raw("POST /v1/commands HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + ApiRig.CRM
                    + "\r\nContent-Type: application/json\r\nContent-Length: 41\r\n\r\n{\"type\":\"command\",\"command\":\"snapshot\"}");
            assertTrue(post.startsWith("HTTP/1.1 421"), host + ": " + post);
            String js = r.raw("GET /v1/unibar-client.js HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertTrue(js.startsWith("HTTP/1.1 421"), host + ": " + js);
        }
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port)) {
            String js = r.raw("GET /v1/unibar-client.js HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            assertTrue(js.startsWith("HTTP/1.1 200"), host + ": " + js.lines().findFirst().orElse(""));
        }
    }

    @Test
    void thePrivateNetworkPreflightIsAnsweredForAListedOriginAloneAndNeverWithAStar() throws Exception {
        ApiRig r = rig(new TestVendor());
        String pre = r.raw(preflight(r.server.port(), ApiRig.CRM));
        assertTrue(pre.startsWith("HTTP/1.1 204"), pre);
        String lower = pre.toLowerCase();
        assertTrue(lower.contains("access-control-allow-origin: https://crm.example.com\r\n"), pre);
        assertTrue(lower.contains("access-control-allow-private-network: true"), pre);
        assertTrue(lower.contains("vary: origin"), pre);
        assertFalse(lower.contains("access-control-allow-origin: *"));
        assertFalse(lower.contains("access-control-allow-credentials"), "the API takes no cookies");
        String noPna = r.raw(preflight(r.server.port(), ApiRig.CRM).replace("Access-Control-Request-Private-Network: true\r\n", ""));
        assertFalse(noPna.toLowerCase().contains("private-network"), "only asked for, only then");
        HttpResponse<String> js = r.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(r.base() + "/v1/unibar-client.js")).header("Origin", ApiRig.CRM).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, js.statusCode());
        assertEquals(ApiRig.CRM, js.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(js.body().contains("export class UnibarClient"));
    }

    @Test
    void aProgramWithoutAnOriginNeedsTheTokenFromTheUsersPrivateFile() throws Exception {
        ApiRig r = rig(new TestVendor());
        Path file = dir.resolve("localapi/token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String token = Files.readString(file).trim();
        assertTrue(token.length() >= 40, "32 random bytes");
        String body = "{\"type\":\"command\",\"id\":\"s\",\"command\":\"snapshot\"}";
        assertEquals(401, r.post(null, null, body).statusCode());
        assertEquals(401, r.post(null, token.substring(1), body).statusCode());
        assertEquals(401, r.post(null, token + "x", body).statusCode());
        HttpResponse<String> ok = r.post(null, token, body);
        assertEquals(200, ok.statusCode());
        JsonNode res = ApiSchemas.check("result", ok.body());
        assertEquals("ucs", res.path("snapshot").path("vendor").asText());
        assertTrue(r.raw(upgrade(r.server.port(), null)).startsWith("HTTP/1.1 401"));
        try (ApiRig.Client program = r.connect(null, token)) {
            assertEquals("hello", program.next().path("type").asText(), "a program is paired by its token");
        }
        assertFalse(ApiToken.loadOrCreate(file).toString().contains(token), "the token object never prints the token");
        assertEquals(token, Files.readString(file).trim(), "kept across starts");
    }

    @Test
    void commandsAreAnsweredWithTheBarsOwnRefusalsNeverSilently() throws Exception {
        ApiRig r = rig(new TestVendor(CommandKind.MUTE, CommandKind.UNMUTE));
        r.vendor.ready();
        try (ApiRig.Client page = r.paired(ApiRig.CRM)) {
            JsonNode nothingRings = page.command("{\"type\":\"command\",\"id\":\"1\",\"command\":\"answer\"}");
            assertEquals("not_allowed_now", nothingRings.path("error").path("code").asText());
            JsonNode noMute = page.command("{\"type\":\"command\",\"id\":\"2\",\"command\":\"mute\"}");
            assertEquals("not_supported", noMute.path("error").path("code").asText());
            JsonNode dialled = page.command("{\"type\":\"command\",\"id\":\"3\",\"command\":\"dial\",\"number\":\"1\"}");
            assertTrue(dialled.path("ok").asBoolean(), "dial from idle is fine: " + dialled);
            assertEquals(new Command.Dial("1", null, false), r.vendor.commands.get(0));

            r.vendor.ring("c7", "+5511987654321", "Maria");
            page.event("call.ringing");
            r.vendor.responder = c -> CompletableFuture.failedFuture(new Notices.Refusal("ucs.noMethod", "ANSWER"));
            JsonNode vendorSaysNo = page.command("{\"type\":\"command\",\"id\":\"4\",\"command\":\"answer\"}");
            assertEquals("vendor_refused", vendorSaysNo.path("error").path("code").asText());
            assertEquals("ucs.noMethod", vendorSaysNo.path("error").path("key").asText());
            r.vendor.responder = c -> CompletableFuture.completedFuture(null);
            JsonNode answered = page.command("{\"type\":\"command\",\"id\":\"5\",\"command\":\"answer\"}");
            assertTrue(answered.path("ok").asBoolean());
            assertEquals(new Command.Answer("c7"), r.vendor.commands.get(r.vendor.commands.size() - 1),
                    "the ringing call, chosen as the bar's Answer button chooses it");
            JsonNode unknown = page.command("{\"type\":\"command\",\"id\":\"6\",\"command\":\"snapshot\"}");
            assertEquals("ringing", unknown.path("snapshot").path("derivedState").asText());
        }
    }

    @Test
    void aClientOverItsRateIsSlowedAloneAndAnOversizedMessageCostsOnlyItself() throws Exception {
        ApiRig r = new ApiRig(dir, new TestVendor(), 5, List.of());
        rig = r;
        r.vendor.ready();
        try (ApiRig.Client greedy = r.paired(ApiRig.CRM); ApiRig.Client calm = r.paired(ApiRig.OTHER)) {
            int limited = 0;
            for (int i = 0; i < 40; i++) {
                JsonNode res = greedy.command("{\"type\":\"command\",\"id\":\"g" + i + "\",\"command\":\"snapshot\"}");
                if ("rate_limited".equals(res.path("error").path("code").asText())) limited++;
            }
            assertTrue(limited >= 20, "a burst of 10 passes, the rest is refused: " + limited);
            assertTrue(calm.command("{\"type\":\"command\",\"id\":\"c\",\"command\":\"snapshot\"}").path("ok").asBoolean(),
                    "another client is not slowed");
            String big = "{\"type\":\"command\",\"id\":\"big\",\"command\":\"setCallData\",\"data\":{\"x\":\"" + "a".repeat(70_000) + "\"}}";
            calm.ws.sendText(big, true).join();
            assertEquals("too_large", calm.next("result").path("error").path("code").asText());
            calm.ws.sendText("{\"type\":\"ping\"}", true).join();
            assertEquals("pong", calm.next().path("type").asText(), "the connection stays");
        }
        String huge = "{\"type\":\"command\",\"command\":\"snapshot\",\"pad\":\"" + "a".repeat(70_000) + "\"}";
        assertEquals(413, r.post(null, Files.readString(dir.resolve("localapi/token")).trim(), huge).statusCode());
    }

    @Test
    void aRecordingsAddressNeverReachesAClient() throws Exception {
        ApiRig r = rig(new TestVendor());
        r.vendor.ready();
        try (ApiRig.Client page = r.paired(ApiRig.CRM)) {
            r.vendor.ring("c9", "100", null);
            r.vendor.emit(new Event.CallRecording("ucs", null, "c9", "https://rec.example/c9.wav?access_token=SECRET123"));
            JsonNode rec = page.event("call.recording");
            assertNull(rec.path("event").get("url"));
            assertTrue(rec.path("event").path("available").asBoolean());
            assertFalse(rec.toString().contains("SECRET123"));
        }
    }

    @Test
    void aCrmGivesTheDispositionAndHearsTheCallLogged() throws Exception {
        ApiRig r = rig(new TestVendor());
        r.vendor.ready();
        try (ApiRig.Client page = r.paired(ApiRig.CRM)) {
            r.vendor.ring("c5", "+420602000111", "Eva");
            r.vendor.emit(new Event.CallConnected("ucs", null, "c5", null), new Event.CallEnded("ucs", null, "c5", "agent_hangup"));
            page.event("call.ended");
            JsonNode bad = page.command("{\"type\":\"command\",\"id\":\"d0\",\"command\":\"setDisposition\",\"disposition\":\"Won\"}");
            assertEquals("unknown_code", bad.path("error").path("code").asText());
            JsonNode ok = page.command("{\"type\":\"command\",\"id\":\"d1\",\"command\":\"setDisposition\","
                    + "\"disposition\":\"Sale\",\"notes\":\"wants the blue one\"}");
            assertTrue(ok.path("ok").asBoolean(), ok.toString());
            assertEquals("c5", ok.path("callId").asText(), "the call that just ended, as the bar's panel chooses it");
            assertTrue(ok.path("logged").asBoolean(), "ended outside after-call work: logged with it");
            assertEquals("sent", ok.path("vendor").asText(), "UCS takes it as an account code");
            assertTrue(r.vendor.commands.contains(new Command.SetAccountCode("c5", "Sale", null, true)));
            JsonNode disp = page.event("call.disposition");
            assertEquals("wants the blue one", disp.path("event").path("notes").asText());
            JsonNode logged = page.event("call.logged");
            assertEquals(disp.path("seq").asLong() + 1, logged.path("seq").asLong());
            JsonNode rec = logged.path("event");
            ApiSchemas.check("call-record", rec);
            assertEquals("Sale", rec.path("disposition").asText());
            assertEquals("agent_hangup", rec.path("outcome").asText());
            assertEquals("ana", rec.path("agent").asText());
            JsonNode late = page.command("{\"type\":\"command\",\"id\":\"d2\",\"command\":\"setDisposition\",\"callId\":\"c5\",\"notes\":\"x\"}");
            assertEquals("already_logged", late.path("error").path("code").asText());
        }
    }

    private static List<String> list(JsonNode a) {
        List<String> out = new java.util.ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String upgrade(int port, String origin) {
        return "GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
    }

    static String preflight(int port, String origin) {
        return "OPTIONS /v1/commands HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + origin + "\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n"
                + "Access-Control-Request-Private-Network: true\r\n\r\n";
    }
}
