package dev.unibar.connectors.ucs.sim;

import dev.unibar.connectors.ucs.sim.UcsSimState.Phase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UcsSimStateTest {

    /** Seed 002's Call object: the simulator must send every one of these keys and nothing else. */
    static final Set<String> CALL_KEYS = new TreeSet<>(List.of("called_name", "called_number", "called_number_norm",
            "caller_channel", "caller_extension", "caller_group_id", "caller_internal", "caller_line_id", "caller_muted",
            "caller_name", "caller_number", "caller_number_norm", "caller_type", "caller_user_id", "caller_username",
            "cause", "connected", "connected_channel", "connected_group_id", "connected_internal", "connected_line_id",
            "connected_muted", "connected_name", "connected_number", "connected_number_norm", "connected_type",
            "connected_user_id", "connected_username", "created", "data", "direction", "disconnected", "external_id",
            "id", "name", "now", "number", "outbound_id", "recorded", "state", "subcalls", "uniqueid"));

    static final Set<String> READY_KEYS = new TreeSet<>(List.of("status", "reason", "call", "user", "device",
            "auxReasons", "callReasons", "queues", "groups", "agents", "waitingCallers", "now"));

    // ------------------------------------------------------------------ the seed's state table

    private static SimHarness inPhase(Phase p) {
        SimHarness h = new SimHarness();
        switch (p) {
            case CONNECTING: break;
            case CREDENTIALS: h.connect(Map.of("listDevices", true, "confirmDevice", true)); break;
            case IDENTIFY: h.toIdentify(); break;
            case DEVICE: h.toDevice(); break;
            case READY: h.readyAgent(); break;
            default: throw new AssertionError(p);
        }
        assertEquals(p, h.state.phase());
        h.pushes.clear();
        h.recorded.clear();
        return h;
    }

    /** For each method: what makes it succeed in a phase it is allowed in; returns its arguments. */
    private static final Map<String, Function<SimHarness, List<Object>>> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("login", h -> List.of("agent", "agent", false));
        FIXTURES.put("sso", h -> List.of("agent", SsoToken.create("demo-sso-secret", "agent",
                String.valueOf(h.clock.now.getEpochSecond())), "CRM"));
        FIXTURES.put("logout", h -> List.of());
        FIXTURES.put("selectIdentifier", h -> List.of("202"));
        FIXTURES.put("provision", h -> {
            if (h.state.phase() == Phase.IDENTIFY) {
                // provision in IDENTIFY re-pairs the phone known from before identify().
                h.call("selectIdentifier", "201");
                h.call("identify");
            }
            return List.of();
        });
        FIXTURES.put("identify", h -> List.of());
        FIXTURES.put("changeStatus", h -> List.of("AUX", "Oběd"));
        FIXTURES.put("suspend", h -> List.of(1));
        FIXTURES.put("resume", h -> List.of(2));
        FIXTURES.put("answer", h -> {
            h.state.offerInbound("777123456", null, null, Map.of(), 0);
            return List.of();
        });
        FIXTURES.put("dial", h -> List.of("777123456"));
        FIXTURES.put("hangup", h -> {
            h.state.offerInbound("777123456", null, null, Map.of(), 0);
            return List.of();
        });
        FIXTURES.put("transfer", h -> {
            h.talkingInbound();
            return List.of("2001");
        });
        FIXTURES.put("finishTransfer", h -> {
            h.talkingInbound();
            h.call("transfer", "2001");
            h.scheduler.advance(2000);
            return List.of();
        });
        FIXTURES.put("blindTransfer", h -> {
            h.talkingInbound();
            return List.of("2001");
        });
        FIXTURES.put("hold", h -> {
            h.talkingInbound();
            return List.of();
        });
        FIXTURES.put("unhold", h -> {
            h.talkingInbound();
            h.call("hold");
            return List.of();
        });
        FIXTURES.put("mute", h -> {
            h.talkingInbound();
            return List.of();
        });
        FIXTURES.put("notify", h -> List.of("Špatné heslo", "error", true, 5000, "CREDENTIALS", "login", Map.of()));
        FIXTURES.put("state", h -> List.of());
        FIXTURES.put("setAccountCode", h -> List.of(h.talkingInbound().uniqueid(), "A1", "B", false));
        FIXTURES.put("selectRingingSound", h -> List.of("rush"));
        FIXTURES.put("testRingingSound", h -> List.of());
        FIXTURES.put("stopRingingSoundTest", h -> List.of());
    }

    @Test
    void everyMethodHasAFixture() {
        assertEquals(UcsSimState.methods(), FIXTURES.keySet());
    }

    @TestFactory
    List<DynamicTest> everyMethodInEveryPhase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String method : UcsSimState.methods()) {
            for (Phase phase : Phase.values()) {
                boolean allowed = UcsMethods.ALLOWED.get(method).contains(phase);
                tests.add(DynamicTest.dynamicTest(method + " in " + phase + (allowed ? " runs" : " is refused"), () -> {
                    SimHarness h = inPhase(phase);
                    List<Object> args = allowed ? FIXTURES.get(method).apply(h) : List.of("x");
                    Phase before = h.state.phase();
                    h.pushes.clear();
                    h.recorded.clear();
                    boolean ok = h.state.handle(method, new ArrayList<>(args));
                    Recorded r = h.recorded.get(h.recorded.size() - 1);
                    assertEquals(method, r.method());
                    assertEquals(before.name(), r.state());
                    assertEquals(ok, r.accepted());
                    if (allowed) {
                        assertTrue(ok, method + " refused: " + h.callbacks() + " " + h.pushes);
                        assertFalse(h.callbacks().contains("onWarning"), h.pushes.toString());
                    } else {
                        assertFalse(ok);
                        assertEquals(List.of("onWarning"), h.callbacks());
                        assertEquals(method + " is not allowed in state " + phase, h.last("onWarning").args().get(0));
                        assertEquals(before, h.state.phase(), "a refused method changes nothing");
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void seedStateTableIsKept() {
        assertEquals(Set.of(Phase.CREDENTIALS), UcsMethods.ALLOWED.get("login"));
        assertEquals(Set.of(Phase.CREDENTIALS), UcsMethods.ALLOWED.get("sso"));
        assertEquals(Set.of(Phase.IDENTIFY, Phase.DEVICE, Phase.READY), UcsMethods.ALLOWED.get("logout"));
        assertEquals(Set.of(Phase.IDENTIFY, Phase.DEVICE), UcsMethods.ALLOWED.get("selectIdentifier"));
        assertEquals(Set.of(Phase.IDENTIFY, Phase.DEVICE), UcsMethods.ALLOWED.get("provision"));
        assertEquals(Set.of(Phase.DEVICE, Phase.READY), UcsMethods.ALLOWED.get("identify"));
        for (String m : List.of("changeStatus", "suspend", "resume", "answer", "dial", "hangup", "transfer", "hold",
                "unhold", "state", "selectRingingSound")) {
            assertEquals(Set.of(Phase.READY), UcsMethods.ALLOWED.get(m), m);
        }
        assertEquals(Set.of(Phase.values()), UcsMethods.ALLOWED.get("notify"));
    }

    @Test
    void unknownMethodIsRefused() {
        SimHarness h = inPhase(Phase.READY);
        assertFalse(h.call("selfDestruct"));
        assertEquals("Unknown method selfDestruct", h.last("onWarning").args().get(0));
        assertFalse(h.recorded.get(0).accepted());
    }

    // ------------------------------------------------------------------ login, device, ready

    @Test
    void connectGreetsThenAsksForCredentials() {
        SimHarness h = new SimHarness().connect(Map.of());
        assertEquals(List.of("onConnect", "onCredentials"), h.callbacks());
        assertEquals(UcsSimSettings.VERSION, h.last("onConnect").args().get(0));
        assertEquals(Phase.CREDENTIALS, h.state.phase());
    }

    @Test
    void fullFlowLoginDeviceReadyInboundHoldMuteConsultFinish() {
        SimHarness h = new SimHarness().connect(Map.of("listDevices", true, "confirmDevice", false));
        h.drain();
        assertTrue(h.call("login", "agent", "agent", true));
        assertEquals(List.of("onUser", "onIdentify"), h.callbacks());
        assertEquals("agent", h.last("onUser").map(0).get("username"));
        assertEquals(101, h.last("onUser").map(0).get("id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) h.last("onIdentify").args().get(0);
        assertEquals(3, devices.size());
        assertEquals("201", devices.get(0).get("identifier"));
        assertEquals(Phase.IDENTIFY, h.state.phase());
        h.drain();

        assertTrue(h.call("selectIdentifier", "201"));
        assertEquals(List.of("onIdentifier", "onDevice", "onReady"), h.callbacks(), "confirmDevice false provisions at once");
        assertEquals("201", h.last("onIdentifier").args().get(0));
        Map<String, Object> ready = h.last("onReady").map(0);
        assertEquals(READY_KEYS, new TreeSet<>(ready.keySet()));
        assertEquals("OFFLINE", ready.get("status"));
        assertEquals(Phase.READY, h.state.phase());
        h.drain();

        assertTrue(h.call("changeStatus", "READY"));
        assertEquals(Map.of("status", "READY"), withoutNulls(h.last("onStateChange").map(0)));
        h.drain();

        SimCall in = h.state.offerInbound("603987654", "Tomáš Dvořák", "Podpora", Map.of("customer_id", "42"), 0);
        Map<String, Object> ringing = h.last("onCallRinging").map(0);
        assertEquals(CALL_KEYS, new TreeSet<>(ringing.keySet()));
        assertEquals("INCOMING", ringing.get("direction"));
        assertEquals(2, ringing.get("state"));
        assertEquals(-1, ringing.get("cause"));
        assertEquals("603987654", ringing.get("number"));
        assertEquals("603987654", ringing.get("caller_number"));
        assertEquals("+420603987654", ringing.get("caller_number_norm"));
        assertEquals("Podpora", ringing.get("called_name"));
        assertEquals("800100200", ringing.get("called_number"));
        assertEquals(Map.of("customer_id", "42"), ringing.get("data"));
        assertEquals(h.clock.now.getEpochSecond(), ringing.get("created"), "timestamps are epoch seconds");
        assertNull(ringing.get("connected"));
        h.drain();

        h.clock.now = h.clock.now.plusSeconds(4);
        assertTrue(h.call("answer"));
        Map<String, Object> connected = h.last("onCallConnect").map(0);
        assertEquals(3, connected.get("state"));
        assertEquals(in.uniqueid(), connected.get("uniqueid"));
        assertEquals(h.clock.now.getEpochSecond(), connected.get("connected"));
        assertEquals("agent", connected.get("connected_username"));
        assertEquals(true, connected.get("connected_internal"));

        assertTrue(h.call("hold"));
        assertEquals(5, h.last("onCallHold").map(0).get("state"));
        assertTrue(h.call("unhold"));
        assertEquals(3, h.last("onCallResume").map(0).get("state"));
        assertTrue(h.call("mute"));
        assertEquals(true, h.last("onCallMute").map(0).get("connected_muted"));
        assertTrue(h.call("mute"));
        assertEquals(false, h.last("onCallUnmute").map(0).get("connected_muted"));
        h.drain();

        assertTrue(h.call("transfer", "2001"));
        assertEquals(List.of("onCallHold", "onCallNew", "onCallRinging"), h.callbacks());
        assertEquals(in.uniqueid(), h.last("onCallHold").map(0).get("uniqueid"));
        String consult = (String) h.last("onCallNew").map(0).get("uniqueid");
        assertNotEquals(in.uniqueid(), consult);
        assertEquals("OUTGOING", h.last("onCallNew").map(0).get("direction"));
        assertEquals(0, h.last("onCallNew").map(0).get("state"));
        h.drain();
        h.scheduler.advance(1999);
        assertEquals(List.of(), h.callbacks(), "the consultation target is still ringing");
        h.scheduler.advance(1);
        assertEquals(List.of("onCallConnect"), h.callbacks());
        assertEquals(consult, h.last("onCallConnect").map(0).get("uniqueid"));
        h.drain();

        assertTrue(h.call("finishTransfer"));
        assertEquals(List.of("onCallHangup", "onCallHangup"), h.callbacks());
        assertEquals(consult, h.all("onCallHangup").get(0).map(0).get("uniqueid"));
        assertEquals(in.uniqueid(), h.all("onCallHangup").get(1).map(0).get("uniqueid"));
        for (SimHarness.Push p : h.all("onCallHangup")) {
            assertEquals(8, p.map(0).get("cause"));
            assertEquals(4, p.map(0).get("state"));
            assertNotNull(p.map(0).get("disconnected"));
        }
        assertEquals(List.of(), h.state.calls());
        assertEquals("READY", h.state.status(), "no ACW unless a scenario asks for it");
    }

    @Test
    void confirmDeviceWaitsForProvision() {
        SimHarness h = new SimHarness().toDevice();
        assertEquals(Phase.DEVICE, h.state.phase());
        assertFalse(h.callbacks().contains("onReady"));
        assertEquals("201", h.last("onDevice").map(0).get("identifier"));
        h.drain();
        assertTrue(h.call("identify"));
        assertEquals(List.of("onIdentify"), h.drain());
        assertEquals(Phase.IDENTIFY, h.state.phase());
        assertTrue(h.call("selectIdentifier", "202"));
        assertTrue(h.call("provision"));
        assertEquals(List.of("onIdentifier", "onDevice", "onReady"), h.callbacks());
        assertEquals("202", h.state.deviceIdentifier());
    }

    @Test
    void unknownIdentifierIsRefused() {
        SimHarness h = new SimHarness().toIdentify();
        h.drain();
        assertFalse(h.call("selectIdentifier", "cisco"));
        assertEquals(List.of("onWarning"), h.callbacks());
        assertEquals("Unknown identifier: cisco", h.last("onWarning").args().get(0));
        assertEquals(Phase.IDENTIFY, h.state.phase());
    }

    @Test
    void provisionInIdentifyNeedsAPhone() {
        SimHarness h = new SimHarness().toIdentify();
        h.drain();
        assertFalse(h.call("provision"));
        assertEquals("provision: no phone is paired", h.last("onWarning").args().get(0));
    }

    @Test
    void withoutListDevicesIdentifyGetsAnEmptyList() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.call("login", "agent", "agent", false);
        assertEquals(List.of(), h.last("onIdentify").args().get(0));
    }

    @Test
    void withoutDeviceGoesStraightToReady() {
        SimHarness h = new SimHarness().connect(Map.of("withoutDevice", true));
        h.drain();
        assertTrue(h.call("login", "supervisor", "supervisor", false));
        assertEquals(List.of("onUser", "onReady"), h.callbacks());
        assertEquals(Phase.READY, h.state.phase());
        assertNull(h.last("onReady").map(0).get("device"));
        assertEquals(true, h.last("onUser").map(0).get("superuser"));
    }

    @Test
    void logoutFromReadyGoesOfflineAndAsksForCredentials() {
        SimHarness h = new SimHarness().readyAgent();
        assertTrue(h.call("logout"));
        assertEquals(List.of("onStateChange", "onCredentials"), h.callbacks());
        assertEquals("OFFLINE", h.last("onStateChange").map(0).get("status"));
        assertEquals(Phase.CREDENTIALS, h.state.phase());
        assertNull(h.state.username());
        h.drain();
        SimHarness h2 = new SimHarness().toIdentify();
        h2.drain();
        assertTrue(h2.call("logout"));
        assertEquals(List.of("onCredentials"), h2.callbacks(), "no agent status outside READY");
    }

    @Test
    void badCredentialsStayInCredentials() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.drain();
        assertTrue(h.call("login", "agent", "wrong", false), "UCS answered the login, so it was not refused");
        assertEquals(List.of("onLoginError"), h.callbacks());
        assertEquals(List.of(401, "Invalid credentials"), h.last("onLoginError").args());
        assertEquals(Phase.CREDENTIALS, h.state.phase());
        assertEquals("Invalid credentials", h.state.snapshot().get("loginError"));
        h.drain();
        assertTrue(h.call("login", "nobody", "agent", false));
        assertEquals(List.of("onLoginError"), h.callbacks());
    }

    @Test
    void armedLoginErrorFailsTheNextLoginOnly() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.settings.armLoginError(new UcsSimSettings.LoginError(423, "Account locked"));
        h.drain();
        h.call("login", "agent", "agent", false);
        assertEquals(List.of(423, "Account locked"), h.last("onLoginError").args());
        assertEquals(Phase.CREDENTIALS, h.state.phase());
        h.drain();
        h.call("login", "agent", "agent", false);
        assertEquals(List.of("onUser", "onIdentify"), h.callbacks());
    }

    // ------------------------------------------------------------------ SSO

    @Test
    void ssoWithAGoodTokenLogsIn() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.drain();
        String ts = String.valueOf(h.clock.now.getEpochSecond() - 60);
        assertTrue(h.call("sso", "agent", SsoToken.create("demo-sso-secret", "agent", ts), "Můj CRM"));
        assertEquals(List.of("onUser", "onIdentify"), h.callbacks());
        assertEquals("agent", h.state.username());
    }

    @Test
    void ssoTokenFormulaMatchesTheSeed() throws Exception {
        // Independent computation: base64(raw sha1(secret+user+ts) ++ user ++ ts).
        byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest("sagent1700000000".getBytes());
        byte[] tail = "agent1700000000".getBytes();
        byte[] all = new byte[digest.length + tail.length];
        System.arraycopy(digest, 0, all, 0, 20);
        System.arraycopy(tail, 0, all, 20, tail.length);
        assertEquals(java.util.Base64.getEncoder().encodeToString(all), SsoToken.create("s", "agent", "1700000000"));
    }

    @Test
    void ssoBadTokensFail() {
        long now = new SimHarness().clock.now.getEpochSecond();
        String ts = String.valueOf(now);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(SsoToken.create("other-secret", "agent", ts), "Invalid SSO token");
        bad.put(SsoToken.create("demo-sso-secret", "supervisor", ts), "Invalid SSO token");
        bad.put(SsoToken.create("demo-sso-secret", "agent", String.valueOf(now - 3600)), "SSO token expired");
        bad.put(SsoToken.create("demo-sso-secret", "agent", String.valueOf(now + 3600)), "SSO token expired");
        bad.put("not base64 !!", "Invalid SSO token");
        bad.put(java.util.Base64.getEncoder().encodeToString("short".getBytes()), "Invalid SSO token");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            SimHarness h = new SimHarness().connect(Map.of());
            h.drain();
            assertTrue(h.call("sso", "agent", e.getKey(), "CRM"));
            assertEquals(List.of("onLoginError"), h.callbacks(), e.getKey());
            assertEquals(List.of(401, e.getValue()), h.last("onLoginError").args(), e.getKey());
            assertEquals(Phase.CREDENTIALS, h.state.phase());
        }
    }

    @Test
    void ssoAcceptsMillisecondTimestampsAndAConfiguredSecret() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.settings.ssoSecret("s3cret");
        String ms = String.valueOf(h.clock.now.toEpochMilli());
        assertTrue(h.call("sso", "agent", SsoToken.create("s3cret", "agent", ms), "CRM"));
        assertEquals(Phase.IDENTIFY, h.state.phase());
    }

    @Test
    void ssoForAnUnknownUserFails() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.drain();
        String ts = String.valueOf(h.clock.now.getEpochSecond());
        h.call("sso", "ghost", SsoToken.create("demo-sso-secret", "ghost", ts), "CRM");
        assertEquals(List.of(404, "Unknown user ghost"), h.last("onLoginError").args());
    }

    @Test
    void secretsAreMaskedInTheRecording() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.call("login", "agent", "hunter2", true);
        String token = SsoToken.create("demo-sso-secret", "agent", String.valueOf(h.clock.now.getEpochSecond()));
        h.call("sso", "agent", token, "CRM");
        assertEquals(List.of("agent", "******", true), h.recorded.get(0).args());
        assertEquals(List.of("agent", "******", "CRM"), h.recorded.get(1).args());
        for (Recorded r : h.recorded) {
            assertFalse(r.toString().contains("hunter2"));
            assertFalse(r.toString().contains(token));
        }
        assertFalse(new UcsSimSettings.SimUser("u", "pw-9876", 1, "a", "b", "e", "1", false).toString().contains("pw-9876"));
    }

    // ------------------------------------------------------------------ status

    @Test
    void changeStatusValidatesStatusAndAuxReason() {
        SimHarness h = new SimHarness().readyAgent();
        assertFalse(h.call("changeStatus", "AUX"));
        assertFalse(h.call("changeStatus", "AUX", "Dovolená"));
        assertFalse(h.call("changeStatus", "BUSY"));
        assertEquals(List.of("onWarning", "onWarning", "onWarning"), h.drain());
        assertEquals("READY", h.state.status());
        assertTrue(h.call("changeStatus", "AUX", "Oběd"));
        assertEquals(Map.of("status", "AUX", "reason", "Oběd"), h.last("onStateChange").map(0));
        assertTrue(h.call("changeStatus", "acw"));
        assertEquals("ACW", h.state.status());
        assertNull(h.state.reason());
        h.settings.auxReasons(List.of("Káva"));
        assertFalse(h.call("changeStatus", "AUX", "Oběd"));
        assertTrue(h.call("changeStatus", "AUX", "Káva"));
    }

    @Test
    void acwAfterHangupThenReadyAfterItsTime() {
        SimHarness h = new SimHarness().readyAgent();
        h.settings.armAcw(5000);
        h.talkingInbound();
        h.drain();
        assertTrue(h.call("hangup"));
        assertEquals(List.of("onCallHangup", "onStateChange"), h.callbacks());
        assertEquals(4, h.last("onCallHangup").map(0).get("cause"), "the agent, the called party, hung up");
        assertEquals("ACW", h.last("onStateChange").map(0).get("status"));
        h.drain();
        h.scheduler.advance(4999);
        assertEquals(List.of(), h.callbacks());
        h.scheduler.advance(1);
        assertEquals(List.of("onStateChange"), h.callbacks());
        assertEquals("READY", h.state.status());
        h.drain();
        h.talkingInbound();
        h.call("hangup");
        assertFalse(h.callbacks().contains("onStateChange"), "the acw scenario arms one call only");
    }

    @Test
    void changeStatusDuringAcwEndsIt() {
        SimHarness h = new SimHarness().readyAgent();
        h.settings.acwAfterEveryCall(5000);
        h.talkingInbound();
        h.call("hangup");
        assertEquals("ACW", h.state.status());
        h.call("changeStatus", "AUX", "Oběd");
        h.drain();
        h.scheduler.advance(6000);
        assertEquals(List.of(), h.callbacks(), "the ACW timer was cancelled");
        assertEquals("AUX", h.state.status());
    }

    @Test
    void noAcwAfterARejectedCall() {
        SimHarness h = new SimHarness().readyAgent();
        h.settings.acwAfterEveryCall(5000);
        h.state.offerInbound("777123456", null, null, Map.of(), 0);
        h.drain();
        assertTrue(h.call("hangup"));
        assertEquals(List.of("onCallHangup"), h.callbacks());
        assertEquals(5, h.last("onCallHangup").map(0).get("cause"), "hanging up a ringing call rejects it");
    }

    // ------------------------------------------------------------------ calls

    @Test
    void outboundRingsThenConnectsAndTheAgentHangsUp() {
        SimHarness h = new SimHarness().readyAgent();
        assertTrue(h.call("dial", "0800123456", 10, 1, Map.of("ticket", "T-1")));
        assertEquals(List.of("onCallNew", "onCallRinging"), h.drain());
        Map<String, Object> ringing = h.state.currentCall().toMap(0);
        assertEquals("OUTGOING", ringing.get("direction"));
        assertEquals(10, ringing.get("outbound_id"));
        assertEquals(Map.of("ticket", "T-1"), ringing.get("data"));
        assertEquals("agent", ringing.get("caller_username"));
        assertEquals("0800123456", ringing.get("called_number"));
        h.scheduler.advance(3000);
        assertEquals(List.of("onCallConnect"), h.drain());
        assertTrue(h.call("hangup"));
        assertEquals(3, h.last("onCallHangup").map(0).get("cause"), "the agent, the caller, hung up");
    }

    @Test
    void busyNumbersAndTheBusyArm() {
        SimHarness h = new SimHarness().readyAgent();
        h.call("dial", "777120000");
        h.scheduler.advance(3000);
        assertEquals(List.of("onCallNew", "onCallRinging", "onCallHangup"), h.callbacks());
        assertEquals(1, h.last("onCallHangup").map(0).get("cause"));
        h.drain();
        h.settings.armNextDial("busy");
        h.call("dial", "777123456");
        h.scheduler.advance(3000);
        assertEquals(1, h.last("onCallHangup").map(0).get("cause"));
        h.drain();
        h.call("dial", "777123456");
        h.scheduler.advance(3000);
        assertEquals(List.of("onCallNew", "onCallRinging", "onCallConnect"), h.callbacks(), "busy was one-shot");
    }

    @Test
    void noAnswerGivesUpAsUnavailable() {
        SimHarness h = new SimHarness().readyAgent();
        h.settings.armNextDial("noanswer");
        h.call("dial", "777123456");
        h.scheduler.advance(14999);
        assertFalse(h.callbacks().contains("onCallHangup"));
        h.scheduler.advance(1);
        assertEquals(6, h.last("onCallHangup").map(0).get("cause"));
    }

    @Test
    void dialWhileTalkingIsRefused() {
        SimHarness h = new SimHarness().readyAgent();
        h.talkingInbound();
        h.drain();
        assertFalse(h.call("dial", "777123456"));
        assertEquals("dial: a call is already in progress", h.last("onWarning").args().get(0));
        assertFalse(h.call("dial", ""));
    }

    @Test
    void remoteHangupCauseDependsOnWhoCalled() {
        SimHarness h = new SimHarness().readyAgent();
        h.talkingInbound();
        h.state.remoteHangup();
        assertEquals(3, h.last("onCallHangup").map(0).get("cause"));
        h.call("dial", "777123456");
        h.scheduler.advance(3000);
        h.state.remoteHangup();
        assertEquals(4, h.last("onCallHangup").map(0).get("cause"));
        assertThrows(IllegalStateException.class, h.state::remoteHangup);
    }

    @Test
    void inboundCallerCanGiveUp() {
        SimHarness h = new SimHarness().readyAgent();
        h.state.offerInbound("777123456", null, null, Map.of(), 1000);
        h.scheduler.advance(1000);
        assertEquals(List.of("onCallRinging", "onCallHangup"), h.callbacks());
        assertEquals(3, h.last("onCallHangup").map(0).get("cause"));
        assertEquals(0, h.scheduler.pending());
    }

    @Test
    void callMethodsWithoutASuitableCallWarn() {
        SimHarness h = new SimHarness().readyAgent();
        for (String m : List.of("answer", "hangup", "hold", "unhold", "mute", "transfer", "finishTransfer")) {
            assertFalse(h.call(m), m);
            assertTrue(((String) h.last("onWarning").args().get(0)).startsWith(m + ":"), h.pushes.toString());
        }
        assertFalse(h.call("blindTransfer", "2001"));
        assertFalse(h.call("setAccountCode", "nope", "A1"));
        assertTrue(h.recorded.stream().noneMatch(Recorded::accepted));
    }

    @Test
    void transferWithoutNumberHoldsAndTheNextDialConsults() {
        SimHarness h = new SimHarness().readyAgent();
        SimCall in = h.talkingInbound();
        h.drain();
        assertTrue(h.call("transfer"));
        assertEquals(List.of("onCallHold"), h.drain());
        assertTrue(h.state.snapshot().get("transferring").equals(true));
        assertTrue(h.call("dial", "2002"));
        assertTrue(h.state.currentCall().isConsultation());
        assertEquals("2002", h.last("onCallNew").map(0).get("called_number"));
        assertNull(h.last("onCallNew").map(0).get("called_number_norm"), "an extension has no E.164 form");
        h.scheduler.advance(2000);
        assertTrue(h.call("hangup"), "the agent gives up the consultation");
        assertEquals(List.of(in), h.state.calls());
        assertTrue(h.call("unhold"));
        assertEquals(in.uniqueid(), h.last("onCallResume").map(0).get("uniqueid"));
        assertEquals(false, h.state.snapshot().get("transferring"));
    }

    @Test
    void consultationBehaviourIsConfigurable() {
        SimHarness h = new SimHarness().readyAgent();
        h.settings.consultBehavior("busy");
        h.talkingInbound();
        h.call("transfer", "2001");
        h.scheduler.advance(2000);
        assertEquals(1, h.last("onCallHangup").map(0).get("cause"));
        assertFalse(h.call("finishTransfer"));
        assertEquals(5, h.state.currentCall().state(), "the customer is still on hold");
    }

    @Test
    void finishTransferNeedsAConnectedConsultation() {
        SimHarness h = new SimHarness().readyAgent();
        h.talkingInbound();
        h.call("transfer", "2001");
        assertFalse(h.call("finishTransfer"));
        assertEquals("finishTransfer: the consultation call is not connected", h.last("onWarning").args().get(0));
    }

    @Test
    void blindTransferEndsTheCallWithCauseTransfer() {
        SimHarness h = new SimHarness().readyAgent();
        h.talkingInbound();
        h.drain();
        assertTrue(h.call("blindTransfer", "2001"));
        assertEquals(List.of("onCallHangup"), h.callbacks());
        assertEquals(8, h.last("onCallHangup").map(0).get("cause"));
        assertFalse(h.call("blindTransfer", ""));
    }

    @Test
    void setAccountCodeConfirmsWithAMessageOfItsGroupAndNoCallId() {
        SimHarness h = new SimHarness().readyAgent();
        SimCall c = h.talkingInbound();
        h.call("hangup");
        h.drain();
        assertTrue(h.call("setAccountCode", c.uniqueid(), "REKL", "vada", true), "works after the call too");
        Map<String, Object> m = h.last("onMessage").map(0);
        assertEquals("accountCode", m.get("group"));
        assertEquals(Map.of("values", Map.of("accountCode", "REKL/vada")), m.get("data"));
        assertFalse(String.valueOf(m).contains(c.uniqueid()), "no raw call id for the agent: " + m);
        assertEquals("REKL/vada", h.state.accountCode(c.uniqueid()));
    }

    @Test
    void notifyEchoesAsOnMessageInAnyPhase() {
        SimHarness h = new SimHarness().connect(Map.of());
        h.drain();
        assertTrue(h.call("notify", "Špatné heslo", "error", true, 3000, "CREDENTIALS", "login", Map.of("values", Map.of())));
        Map<String, Object> msg = h.last("onMessage").map(0);
        assertEquals("Špatné heslo", msg.get("message"));
        assertEquals("error", msg.get("type"));
        assertEquals("login", msg.get("group"));
    }

    @Test
    void queuesSuspendAndResume() {
        SimHarness h = new SimHarness().readyAgent();
        assertTrue(h.call("suspend", 1));
        assertEquals(List.of(1), h.last("onAgentSuspend").args());
        assertEquals(Set.of(1), h.state.suspendedQueues());
        assertTrue(h.call("resume", "1"));
        assertEquals(List.of(1), h.last("onAgentResume").args());
        assertFalse(h.call("suspend", 99));
        h.state.queueSuspend(2, true);
        assertEquals(List.of(2), h.last("onAgentSuspend").args());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queues = (List<Map<String, Object>>) h.state.stateForPage().get("queues");
        assertEquals(true, queues.get(1).get("suspended"));
    }

    @Test
    void waitingCallersArePushedWhenReady() {
        SimHarness h = new SimHarness().readyAgent();
        h.state.waitingCallers(4);
        assertEquals(List.of(4), h.last("onWaitingCallersChange").args());
        assertEquals(4, h.state.stateForPage().get("waitingCallers"));
    }

    @Test
    void stateForPageIsTheReadyObjectPlusRingingSound() {
        SimHarness h = new SimHarness().readyAgent();
        assertTrue(h.call("selectRingingSound", "quest"));
        assertFalse(h.call("selectRingingSound", "jingle"));
        Map<String, Object> s = h.state.stateForPage();
        Set<String> expected = new TreeSet<>(READY_KEYS);
        expected.add("ringingSound");
        assertEquals(expected, new TreeSet<>(s.keySet()));
        assertEquals("quest", s.get("ringingSound"));
        assertNull(s.get("call"));
        h.talkingInbound();
        assertEquals(3, ((Map<?, ?>) h.state.stateForPage().get("call")).get("state"));
        assertNull(new SimHarness().toIdentify().state.stateForPage());
    }

    @Test
    void callIdRotatesWithin1To65535AndUniqueidStaysUnique() {
        SimHarness h = new SimHarness().readyAgent();
        h.state.lastCallId(65534);
        SimCall a = h.state.offerInbound("1", null, null, Map.of(), 0);
        h.call("hangup");
        SimCall b = h.state.offerInbound("2", null, null, Map.of(), 0);
        h.call("hangup");
        SimCall c = h.state.offerInbound("3", null, null, Map.of(), 0);
        assertEquals(List.of(65535, 1, 2), List.of(a.id(), b.id(), c.id()));
        assertEquals(3, Set.of(a.uniqueid(), b.uniqueid(), c.uniqueid()).size());
    }

    @Test
    void inboundNeedsAReadyPage() {
        SimHarness h = new SimHarness().toIdentify();
        assertThrows(IllegalStateException.class, () -> h.state.offerInbound("1", null, null, Map.of(), 0));
    }

    @Test
    void closedSessionPushesNothingMore() {
        SimHarness h = new SimHarness().readyAgent();
        h.call("dial", "777123456");
        h.drain();
        h.state.close();
        h.scheduler.advance(10_000);
        assertEquals(List.of(), h.callbacks());
        assertFalse(h.call("hangup"));
    }

    @Test
    void aMethodIsRecordedBeforeItsCallbacksLeave() {
        List<String> log = new ArrayList<>();
        SimHarness.ManualClock clock = new SimHarness.ManualClock();
        UcsSimState st = new UcsSimState(UcsSimSettings.defaults(), new SimHarness.ManualScheduler(clock), clock,
                (cb, a) -> log.add("push " + cb), r -> log.add("record " + r.method()));
        st.connect(Map.of("withoutDevice", true));
        log.clear();
        st.handle("login", new ArrayList<>(List.of("agent", "agent", false)));
        st.handle("dial", new ArrayList<>(List.of("777123456")));
        st.handle("answer", new ArrayList<>());
        assertEquals(List.of("record login", "push onUser", "push onReady",
                "record dial", "push onCallNew", "push onCallRinging",
                "record answer", "push onWarning"), log);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) out.put(k, v);
        });
        return out;
    }
}
