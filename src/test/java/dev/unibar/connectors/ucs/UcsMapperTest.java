package dev.unibar.connectors.ucs;

import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import dev.unibar.connectors.MalformedCaptureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every callback of seed 002, mapped from seed-shaped payloads, compared as CONTRACT JSON lines. */
class UcsMapperTest {

    private final UcsMapper mapper = new UcsMapper();

    /** A Call as seed 002 describes it: an inbound call ringing from a trunk, looked up in the CRM. */
    private static final String INBOUND = """
            {"id":4711,"uniqueid":"1795251700.1234","direction":"INCOMING","state":2,\
            "caller_number":"+420603123456","caller_name":"Petr Svoboda","caller_type":"trunk","caller_internal":false,\
            "called_number":"800100200","called_name":"Zákaznická linka",\
            "connected_number":"201","connected_name":"Jana Nováková",\
            "name":"Petr Svoboda","number":"+420603123456","external_id":"CRM-88231","outbound_id":null,\
            "cause":-1,"recorded":false,"subcalls":1,\
            "data":{"customerId":88231,"vip":true,"note":null,"ivr":{"lang":"cs"}},\
            "created":1795251699,"now":1795251700}""";

    private static final String INBOUND_SNAPSHOT = "{\"id\":\"1795251700.1234\",\"direction\":\"inbound\","
            + "\"from\":{\"number\":\"+420603123456\",\"name\":\"Petr Svoboda\"},"
            + "\"to\":{\"number\":\"800100200\",\"name\":\"Zákaznická linka\"},"
            + "\"customer\":{\"name\":\"Petr Svoboda\",\"number\":\"+420603123456\",\"externalId\":\"CRM-88231\"},"
            + "\"data\":{\"customerId\":\"88231\",\"vip\":\"true\",\"ivr\":\"{\\\"lang\\\":\\\"cs\\\"}\"}}";

    private List<String> map(String callback, String args) throws MalformedCaptureException {
        return map("{\"callback\":\"" + callback + "\",\"args\":" + args + "}");
    }

    private List<String> map(String line) throws MalformedCaptureException {
        return mapper.mapLine(line).stream().map(EventJson::line).collect(Collectors.toList());
    }

    private String malformed(String line) {
        return assertThrows(MalformedCaptureException.class, () -> mapper.mapLine(line)).getMessage();
    }

    @Test
    void vendorIdIsUcs() {
        assertEquals("ucs", mapper.vendor());
    }

    // ---- session -------------------------------------------------------------------------------------

    @Test
    void onError() throws Exception {
        assertEquals(List.of("{\"type\":\"session.error\",\"vendor\":\"ucs\",\"message\":\"Nelze se připojit k serveru UCS\"}"),
                map("onError", "[\"Nelze se připojit k serveru UCS\"]"));
    }

    @Test
    void onWarning() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"warning\",\"message\":\"Chyba při zpracování události\"}"),
                map("onWarning", "[\"Chyba při zpracování události\"]"));
    }

    @Test
    void onInfo() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"info\",\"message\":\"Stav byl změněn\"}"),
                map("onInfo", "[\"Stav byl změněn\"]"));
    }

    @Test
    void onDebugIsForTheInspectorOnly() throws Exception {
        assertEquals(List.of("{\"type\":\"vendor.unmapped\",\"vendor\":\"ucs\",\"name\":\"onDebug\"}"),
                map("onDebug", "[\"callback onReady called\"]"));
    }

    @ParameterizedTest
    @CsvSource({"success,info", "info,info", "warning,warning", "error,error", "somethingNew,info"})
    void onMessageLevelFollowsType(String type, String level) throws Exception {
        String arg = "[{\"message\":\"Odhlášení z fronty se nezdařilo\",\"type\":\"" + type
                + "\",\"group\":\"queue\",\"data\":{\"queue\":5}}]";
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"" + level
                + "\",\"message\":\"Odhlášení z fronty se nezdařilo\"}"), map("onMessage", arg));
    }

    @Test
    void onMessageFillsItsTemplateFromData() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"error\",\"message\":\"Chybný identifikátor: cisco {other}\"}"),
                map("onMessage", "[{\"message\":\"Chybný identifikátor: {identificator} {other}\",\"type\":\"error\","
                        + "\"group\":\"identify\",\"data\":{\"values\":{\"identificator\":\"cisco\"}}}]"));
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"warning\",\"message\":\"Fronta 5 je plná\"}"),
                map("onMessage", "[{\"message\":\"Fronta {queue} je plná\",\"type\":\"warning\",\"data\":{\"queue\":5}}]"));
    }

    @Test
    void onConnectSaysTheVersion() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"info\",\"message\":\"Connected to UCS 4.59.0\"}"),
                map("onConnect", "[\"4.59.0\"]"));
    }

    @Test
    void onCredentials() throws Exception {
        assertEquals(List.of("{\"type\":\"session.credentialsRequired\",\"vendor\":\"ucs\"}"), map("onCredentials", "[]"));
        assertEquals(List.of("{\"type\":\"session.credentialsRequired\",\"vendor\":\"ucs\"}"),
                map("{\"callback\":\"onCredentials\"}"), "a callback without arguments may omit args");
    }

    @Test
    void onLoginErrorCarriesTheCode() throws Exception {
        assertEquals(List.of("{\"type\":\"session.error\",\"vendor\":\"ucs\",\"message\":\"Invalid credentials\",\"code\":\"401\"}"),
                map("onLoginError", "[401,\"Invalid credentials\"]"));
    }

    @Test
    void aWrongPasswordIsKeyedWithUcsWordsAsDetail() throws Exception {
        for (String said : List.of("Invalid credentials", "Špatné heslo")) {
            Event.SessionError e = (Event.SessionError) mapper.mapLine("{\"callback\":\"onLoginError\",\"args\":[401,\""
                    + said + "\"]}").get(0);
            assertEquals("vendor.wrongPassword", e.key(), said);
            assertEquals(said, dev.unibar.core.model.Notices.detail(e));
        }
        Event.SessionError other = (Event.SessionError) mapper.mapLine(
                "{\"callback\":\"onLoginError\",\"args\":[401,\"SSO token expired\"]}").get(0);
        assertEquals(null, other.key(), "a text Unibar does not know is shown as UCS wrote it");
    }

    @Test
    void theAccountCodeConfirmationIsKeyedWithoutTheCallId() throws Exception {
        Event.Notice n = (Event.Notice) mapper.mapLine("{\"callback\":\"onMessage\",\"args\":[{\"message\":"
                + "\"Account kód {accountCode} byl nastaven\",\"type\":\"success\",\"group\":\"accountCode\","
                + "\"data\":{\"values\":{\"accountCode\":\"REKL/vada\"}}}]}").get(0);
        assertEquals("ucs.accountCodeSet", n.key());
        assertEquals(List.of("REKL/vada"), n.args());
        assertEquals("Kód účtu REKL/vada nastaven.", dev.unibar.core.model.Notices.text(n, java.util.Locale.forLanguageTag("cs")));
        assertEquals("Account kód REKL/vada byl nastaven", dev.unibar.core.model.Notices.detail(n));
    }

    @Test
    void onUser() throws Exception {
        String user = "[{\"id\":17,\"username\":\"jana.novakova\",\"displayname\":\"Jana Nováková\",\"firstname\":\"Jana\","
                + "\"lastname\":\"Nováková\",\"email\":\"jana.novakova@zakaznik.cz\",\"number\":\"+420221000201\","
                + "\"primary_extension\":201,\"group_id\":3,\"status\":\"OFFLINE\",\"queues\":{\"5\":{\"queue_id\":5}}}]";
        assertEquals(List.of("{\"type\":\"agent.loggedIn\",\"vendor\":\"ucs\",\"agent\":{\"id\":\"17\",\"name\":\"Jana Nováková\","
                + "\"login\":\"jana.novakova\",\"extension\":\"201\",\"email\":\"jana.novakova@zakaznik.cz\"}}"), map("onUser", user));
    }

    @Test
    void onUserWithoutDisplayNameOrExtensionUsesNamesAndNumber() throws Exception {
        String user = "[{\"id\":18,\"firstname\":\"Karel\",\"lastname\":\"Dvořák\",\"number\":\"+420221000202\"}]";
        assertEquals(List.of("{\"type\":\"agent.loggedIn\",\"vendor\":\"ucs\",\"agent\":{\"id\":\"18\",\"name\":\"Karel Dvořák\","
                + "\"extension\":\"+420221000202\"}}"), map("onUser", user));
    }

    // ---- device pairing ------------------------------------------------------------------------------

    @Test
    void onIdentifyWithAnArrayOfPhones() throws Exception {
        String ids = "[[{\"id\":31,\"identifier\":\"SEP001122334455\",\"name\":\"Cisco 7841\"},"
                + "{\"identifier\":\"sip-201\",\"description\":\"Softphone 201\"},{\"id\":33}]]";
        assertEquals(List.of("{\"type\":\"device.selectionRequired\",\"vendor\":\"ucs\",\"devices\":["
                + "{\"id\":\"SEP001122334455\",\"name\":\"Cisco 7841\"},{\"id\":\"sip-201\",\"name\":\"Softphone 201\"},"
                + "{\"id\":\"33\",\"name\":\"33\"}]}"), map("onIdentify", ids));
    }

    @Test
    void onIdentifyWithAnObjectMap() throws Exception {
        String ids = "[{\"SEP001122334455\":{\"name\":\"Cisco 7841\"},\"sip-201\":\"Softphone 201\"}]";
        assertEquals(List.of("{\"type\":\"device.selectionRequired\",\"vendor\":\"ucs\",\"devices\":["
                + "{\"id\":\"SEP001122334455\",\"name\":\"Cisco 7841\"},{\"id\":\"sip-201\",\"name\":\"Softphone 201\"}]}"),
                map("onIdentify", ids));
    }

    @Test
    void onIdentifyWithoutAListStillAsksForAPhone() throws Exception {
        // listDevices: false — UCS asks for an identifier but sends no phones.
        assertEquals(List.of("{\"type\":\"device.selectionRequired\",\"vendor\":\"ucs\"}"), map("onIdentify", "[null]"));
    }

    @Test
    void onIdentifierIsShownAsANotice() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"info\",\"message\":\"Phone identifier: 10.0.12.34\"}"),
                map("onIdentifier", "[\"10.0.12.34\"]"));
    }

    @Test
    void onDevice() throws Exception {
        assertEquals(List.of("{\"type\":\"device.paired\",\"vendor\":\"ucs\",\"device\":{\"id\":\"SEP001122334455\",\"name\":\"Cisco 7841\"}}"),
                map("onDevice", "[{\"id\":31,\"identifier\":\"SEP001122334455\",\"name\":\"Cisco 7841\",\"extension\":\"201\"}]"));
    }

    // ---- onReady ---------------------------------------------------------------------------------------

    @Test
    void onReadyEmitsItsPartsInOrderThenSessionReady() throws Exception {
        String connected = INBOUND.replace("\"state\":2", "\"state\":3").replace(",\"now\":1795251700", "");
        String state = "[{\"status\":\"AUX\",\"reason\":\"Oběd\",\"call\":" + connected + ","
                + "\"user\":{\"id\":17,\"username\":\"jana.novakova\",\"displayname\":\"Jana Nováková\",\"primary_extension\":201},"
                + "\"device\":{\"identifier\":\"SEP001122334455\",\"name\":\"Cisco 7841\"},"
                + "\"auxReasons\":[{\"id\":1,\"name\":\"Oběd\"},{\"id\":2,\"name\":\"Školení\",\"productive\":true}],"
                + "\"callReasons\":{},\"queues\":{\"5\":{\"queue_id\":5}},\"groups\":{},\"agents\":{},"
                + "\"waitingCallers\":3,\"now\":1795251605}]";
        String at = "\"at\":\"2026-11-21T09:00:05Z\"";
        assertEquals(List.of(
                "{\"type\":\"agent.loggedIn\",\"vendor\":\"ucs\"," + at + ",\"agent\":{\"id\":\"17\",\"name\":\"Jana Nováková\","
                        + "\"login\":\"jana.novakova\",\"extension\":\"201\"}}",
                "{\"type\":\"device.paired\",\"vendor\":\"ucs\"," + at + ",\"device\":{\"id\":\"SEP001122334455\",\"name\":\"Cisco 7841\"}}",
                "{\"type\":\"agent.pauseReasons\",\"vendor\":\"ucs\"," + at + ",\"reasons\":[{\"id\":\"Oběd\",\"label\":\"Oběd\"},"
                        + "{\"id\":\"Školení\",\"label\":\"Školení\",\"productive\":true}]}",
                "{\"type\":\"agent.state\",\"vendor\":\"ucs\"," + at + ",\"state\":\"NOT_READY\",\"reason\":\"Oběd\"}",
                "{\"type\":\"queue.waiting\",\"vendor\":\"ucs\"," + at + ",\"count\":3}",
                "{\"type\":\"call.connected\",\"vendor\":\"ucs\"," + at + ",\"callId\":\"1795251700.1234\",\"call\":" + INBOUND_SNAPSHOT + "}",
                "{\"type\":\"session.ready\",\"vendor\":\"ucs\"," + at + "}"), map("onReady", state));
    }

    @Test
    void onReadyAcceptsAuxReasonsAsAnObjectMap() throws Exception {
        List<String> out = map("onReady", "[{\"status\":\"READY\",\"auxReasons\":{\"1\":\"Přestávka\",\"2\":{\"name\":\"Oběd\"}}}]");
        assertEquals(List.of(
                "{\"type\":\"agent.pauseReasons\",\"vendor\":\"ucs\",\"reasons\":[{\"id\":\"Přestávka\",\"label\":\"Přestávka\"},"
                        + "{\"id\":\"Oběd\",\"label\":\"Oběd\"}]}",
                "{\"type\":\"agent.state\",\"vendor\":\"ucs\",\"state\":\"READY\"}",
                "{\"type\":\"session.ready\",\"vendor\":\"ucs\"}"), out);
    }

    @Test
    void onReadyWithARingingCall() throws Exception {
        List<String> out = map("onReady", "[{\"status\":\"READY\",\"call\":" + INBOUND + "}]");
        assertEquals(List.of(
                "{\"type\":\"agent.state\",\"vendor\":\"ucs\",\"state\":\"READY\"}",
                "{\"type\":\"call.ringing\",\"vendor\":\"ucs\",\"at\":\"2026-11-21T09:01:40Z\",\"callId\":\"1795251700.1234\",\"call\":"
                        + INBOUND_SNAPSHOT + "}",
                "{\"type\":\"session.ready\",\"vendor\":\"ucs\"}"), out);
    }

    @Test
    void onReadyWithAHeldCallReportsItConnectedThenHeld() throws Exception {
        List<String> out = map("onReady", "[{\"call\":{\"uniqueid\":\"1795251700.99\",\"state\":5,\"direction\":\"OUTGOING\"}}]");
        assertEquals(List.of(
                "{\"type\":\"call.connected\",\"vendor\":\"ucs\",\"callId\":\"1795251700.99\",\"call\":{\"id\":\"1795251700.99\",\"direction\":\"outbound\"}}",
                "{\"type\":\"call.held\",\"vendor\":\"ucs\",\"callId\":\"1795251700.99\"}",
                "{\"type\":\"session.ready\",\"vendor\":\"ucs\"}"), out);
    }

    @Test
    void anOddPartOfOnReadyIsAWarningAndTheSessionStillBecomesReady() throws Exception {
        List<String> out = map("onReady", "[{\"status\":\"LUNCH\",\"waitingCallers\":\"n/a\","
                + "\"call\":{\"id\":3,\"state\":3},\"now\":1795251605}]");
        String at = "\"at\":\"2026-11-21T09:00:05Z\"";
        assertEquals(List.of(
                "{\"type\":\"notice\",\"vendor\":\"ucs\"," + at + ",\"level\":\"warning\",\"message\":\"UCS ready state: unknown agent status \\\"LUNCH\\\"\"}",
                "{\"type\":\"notice\",\"vendor\":\"ucs\"," + at + ",\"level\":\"warning\",\"message\":\"UCS ready state: waiting callers is not a number: \\\"n/a\\\"\"}",
                "{\"type\":\"notice\",\"vendor\":\"ucs\"," + at + ",\"level\":\"warning\",\"message\":\"UCS ready state: active call ignored: call without uniqueid (its id rotates and cannot identify a call)\"}",
                "{\"type\":\"session.ready\",\"vendor\":\"ucs\"," + at + "}"), out);
    }

    // ---- agent state -----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"OFFLINE,OFFLINE", "READY,READY", "ACW,WRAP_UP"})
    void onStateChange(String status, String state) throws Exception {
        assertEquals(List.of("{\"type\":\"agent.state\",\"vendor\":\"ucs\",\"state\":\"" + state + "\"}"),
                map("onStateChange", "[{\"status\":\"" + status + "\",\"reason\":\"\"}]"));
    }

    @Test
    void onStateChangeAuxIsNotReadyWithItsReason() throws Exception {
        assertEquals(List.of("{\"type\":\"agent.state\",\"vendor\":\"ucs\",\"state\":\"NOT_READY\",\"reason\":\"Oběd\"}"),
                map("onStateChange", "[{\"status\":\"AUX\",\"reason\":\"Oběd\"}]"));
    }

    // ---- calls -----------------------------------------------------------------------------------------

    @Test
    void onCallNewIsDialingWithTheCampaign() throws Exception {
        String call = "[{\"id\":12,\"uniqueid\":\"1795252000.77\",\"direction\":\"OUTGOING\",\"state\":1,"
                + "\"caller_number\":\"201\",\"caller_name\":\"Jana Nováková\",\"called_number\":\"0800123456\","
                + "\"name\":\"Alza s.r.o.\",\"number\":\"0800123456\",\"outbound_id\":42,\"data\":{\"ticket\":\"T-1001\"},"
                + "\"now\":\"2026-11-21T09:06:40Z\"}]";
        assertEquals(List.of("{\"type\":\"call.dialing\",\"vendor\":\"ucs\",\"at\":\"2026-11-21T09:06:40Z\",\"callId\":\"1795252000.77\","
                + "\"call\":{\"id\":\"1795252000.77\",\"direction\":\"outbound\",\"from\":{\"number\":\"201\",\"name\":\"Jana Nováková\"},"
                + "\"to\":{\"number\":\"0800123456\"},\"campaign\":{\"id\":\"42\"},"
                + "\"customer\":{\"name\":\"Alza s.r.o.\",\"number\":\"0800123456\"},\"data\":{\"ticket\":\"T-1001\"}}}"),
                map("onCallNew", call));
    }

    @Test
    void onCallRinging() throws Exception {
        assertEquals(List.of("{\"type\":\"call.ringing\",\"vendor\":\"ucs\",\"at\":\"2026-11-21T09:01:40Z\",\"callId\":\"1795251700.1234\","
                + "\"call\":" + INBOUND_SNAPSHOT + "}"), map("onCallRinging", "[" + INBOUND + "]"));
    }

    @Test
    void onCallConnectFallsBackToTheConnectedParty() throws Exception {
        String call = "[{\"id\":13,\"uniqueid\":\"u-13\",\"direction\":\"INCOMING\",\"state\":3,\"caller_number\":\"603111222\","
                + "\"connected_number\":\"201\",\"connected_name\":\"Jana Nováková\",\"queue_id\":5,\"queue_name\":\"Podpora\","
                + "\"now\":1795251706000}]";
        assertEquals(List.of("{\"type\":\"call.connected\",\"vendor\":\"ucs\",\"at\":\"2026-11-21T09:01:46Z\",\"callId\":\"u-13\","
                + "\"call\":{\"id\":\"u-13\",\"direction\":\"inbound\",\"from\":{\"number\":\"603111222\"},"
                + "\"to\":{\"number\":\"201\",\"name\":\"Jana Nováková\"},\"queue\":{\"id\":\"5\",\"name\":\"Podpora\"}}}"),
                map("onCallConnect", call));
    }

    @Test
    void onCallHold() throws Exception {
        assertEquals(List.of("{\"type\":\"call.held\",\"vendor\":\"ucs\",\"at\":\"2026-11-21T09:02:40Z\",\"callId\":\"1795251700.1234\"}"),
                map("onCallHold", "[{\"id\":4711,\"uniqueid\":\"1795251700.1234\",\"state\":5,\"now\":1795251760}]"));
    }

    @Test
    void onCallResume() throws Exception {
        assertEquals(List.of("{\"type\":\"call.resumed\",\"vendor\":\"ucs\",\"at\":\"2026-11-21T09:03:10Z\",\"callId\":\"1795251700.1234\"}"),
                map("onCallResume", "[{\"id\":4711,\"uniqueid\":\"1795251700.1234\",\"state\":3,\"now\":1795251790}]"));
    }

    @Test
    void onCallMute() throws Exception {
        assertEquals(List.of("{\"type\":\"call.muted\",\"vendor\":\"ucs\",\"callId\":\"1795251700.1234\"}"),
                map("onCallMute", "[{\"id\":4711,\"uniqueid\":\"1795251700.1234\",\"connected_muted\":true}]"));
    }

    @Test
    void onCallUnmute() throws Exception {
        assertEquals(List.of("{\"type\":\"call.unmuted\",\"vendor\":\"ucs\",\"callId\":\"1795251700.1234\"}"),
                map("onCallUnmute", "[{\"id\":4711,\"uniqueid\":\"1795251700.1234\",\"connected_muted\":false}]"));
    }

    @ParameterizedTest
    @CsvSource({"0,unknown", "1,busy", "2,invalid_number", "3,caller_hangup", "4,callee_hangup", "5,rejected",
            "6,unavailable", "7,pickup", "42,unknown"})
    void onCallHangupNamesTheCause(int cause, String word) throws Exception {
        assertEquals(List.of("{\"type\":\"call.ended\",\"vendor\":\"ucs\",\"at\":\"2026-11-21T09:05:00Z\",\"callId\":\"1795251700.1234\","
                + "\"cause\":\"" + word + "\"}"),
                map("onCallHangup", "[{\"id\":4711,\"uniqueid\":\"1795251700.1234\",\"state\":4,\"cause\":" + cause + ",\"now\":1795251900}]"));
    }

    @Test
    void onCallHangupByTransferIsTransferredThenEnded() throws Exception {
        assertEquals(List.of(
                "{\"type\":\"call.transferred\",\"vendor\":\"ucs\",\"callId\":\"1795251700.1234\",\"target\":\"202\"}",
                "{\"type\":\"call.ended\",\"vendor\":\"ucs\",\"callId\":\"1795251700.1234\",\"cause\":\"transfer\"}"),
                map("onCallHangup", "[{\"id\":4711,\"uniqueid\":\"1795251700.1234\",\"state\":4,\"cause\":8,\"connected_number\":\"202\"}]"));
    }

    @Test
    void onCallHangupWithUnsetCauseHasNoCause() throws Exception {
        assertEquals(List.of("{\"type\":\"call.ended\",\"vendor\":\"ucs\",\"callId\":\"1795251700.1234\"}"),
                map("onCallHangup", "[{\"id\":4711,\"uniqueid\":\"1795251700.1234\",\"cause\":-1}]"));
    }

    @Test
    void callsAreIdentifiedByUniqueidNotByTheRotatingId() throws Exception {
        // id wraps at 65535: two different calls may carry the same id, one call never changes uniqueid.
        List<Event> a = mapper.mapLine("{\"callback\":\"onCallRinging\",\"args\":[{\"id\":65535,\"uniqueid\":\"1795251700.1\"}]}");
        List<Event> b = mapper.mapLine("{\"callback\":\"onCallRinging\",\"args\":[{\"id\":65535,\"uniqueid\":\"1795259999.2\"}]}");
        List<Event> c = mapper.mapLine("{\"callback\":\"onCallConnect\",\"args\":[{\"id\":1,\"uniqueid\":\"1795251700.1\"}]}");
        assertEquals("1795251700.1", ((Event.CallEvent) a.get(0)).callId());
        assertEquals("1795259999.2", ((Event.CallEvent) b.get(0)).callId());
        assertEquals("1795251700.1", ((Event.CallEvent) c.get(0)).callId());
        assertEquals("1795251700.1", ((Event.CallRinging) a.get(0)).call().id());
        String reason = malformed("{\"callback\":\"onCallHold\",\"args\":[{\"id\":4711,\"state\":5}]}");
        assertTrue(reason.contains("uniqueid"), reason);
    }

    // ---- queues ------------------------------------------------------------------------------------------

    @Test
    void theMappersOwnTextsReachTheAgentInTheBarsLanguageAndUcsTextsStayAsWritten() throws Exception {
        Event.Notice suspended = (Event.Notice) mapper.mapLine("{\"callback\":\"onAgentSuspend\",\"args\":[5]}").get(0);
        assertEquals("Fronta 5 pozastavena", dev.unibar.core.model.Notices.text(suspended, java.util.Locale.forLanguageTag("cs")));
        Event.Notice connected = (Event.Notice) mapper.mapLine("{\"callback\":\"onConnect\",\"args\":[\"4.59.0\"]}").get(0);
        assertEquals("Conectado ao UCS 4.59.0", dev.unibar.core.model.Notices.text(connected, java.util.Locale.forLanguageTag("pt-BR")));
        Event.Notice warning = (Event.Notice) mapper.mapLine("{\"callback\":\"onWarning\",\"args\":[\"Chybný identifikátor\"]}").get(0);
        assertEquals("Chybný identifikátor", dev.unibar.core.model.Notices.text(warning, java.util.Locale.forLanguageTag("fr")));
    }

    @Test
    void onAgentSuspend() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"info\",\"message\":\"Queue 5 suspended\"}"),
                map("onAgentSuspend", "[5]"));
    }

    @Test
    void onAgentResume() throws Exception {
        assertEquals(List.of("{\"type\":\"notice\",\"vendor\":\"ucs\",\"level\":\"info\",\"message\":\"Queue 5 resumed\"}"),
                map("onAgentResume", "[5]"));
    }

    @Test
    void onWaitingCallersChange() throws Exception {
        assertEquals(List.of("{\"type\":\"queue.waiting\",\"vendor\":\"ucs\",\"count\":4}"), map("onWaitingCallersChange", "[4]"));
        assertEquals(List.of("{\"type\":\"queue.waiting\",\"vendor\":\"ucs\",\"count\":0}"), map("onWaitingCallersChange", "[\"0\"]"));
    }

    @Test
    void anUnknownCallbackIsUnmappedNotLost() throws Exception {
        assertEquals(List.of("{\"type\":\"vendor.unmapped\",\"vendor\":\"ucs\",\"name\":\"onRingingSoundChange\"}"),
                map("onRingingSoundChange", "[\"christmas\"]"));
    }

    // ---- malformed -------------------------------------------------------------------------------------

    @Test
    void wrongShapesAreMalformedWithAReason() {
        assertTrue(malformed("{\"args\":[]}").contains("callback"));
        assertTrue(malformed("{\"callback\":42,\"args\":[]}").contains("callback"));
        assertTrue(malformed("{\"callback\":\"onCallRinging\",\"args\":{\"uniqueid\":\"x\"}}").contains("args"));
        assertTrue(malformed("{\"callback\":\"onCallRinging\",\"args\":[\"1795251700.1234\"]}").contains("not an object"));
        assertTrue(malformed("{\"callback\":\"onCallHangup\",\"args\":[]}").contains("call"));
        assertTrue(malformed("{\"callback\":\"onStateChange\",\"args\":[{\"status\":\"LUNCH\"}]}").contains("LUNCH"));
        assertTrue(malformed("{\"callback\":\"onStateChange\",\"args\":[{}]}").contains("status"));
        assertTrue(malformed("{\"callback\":\"onWaitingCallersChange\",\"args\":[\"many\"]}").contains("not a number"));
        assertTrue(malformed("{\"callback\":\"onUser\",\"args\":[\"jana\"]}").contains("user"));
        assertTrue(malformed("{\"callback\":\"onReady\",\"args\":[\"READY\"]}").contains("state"));
        assertTrue(malformed("{\"callback\":\"onIdentify\",\"args\":[\"cisco\"]}").contains("identificators"));
        assertTrue(malformed("[1,2]").contains("not a JSON object"));
        assertTrue(malformed("{\"callback\":").startsWith("not JSON"));
    }
}
