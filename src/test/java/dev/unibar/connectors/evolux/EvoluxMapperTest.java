package dev.unibar.connectors.evolux;

import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvoluxMapperTest {

    private final EvoluxMapper mapper = new EvoluxMapper();

    private List<Event> map(String line) throws MalformedCaptureException {
        return mapper.mapLine(line);
    }

    @Test
    void callsAreKeyedByIdThenUuid() throws Exception {
        Event.CallRinging r = (Event.CallRinging) map("{\"eventName\":\"softphoneCallInvited\",\"payload\":"
                + "{\"uuid\":\"u-1\",\"originationLegUuid\":\"o-1\",\"direction\":\"INBOUND\"}}").get(0);
        assertEquals("u-1", r.callId());
        assertEquals(Direction.INBOUND, r.call().direction());
        Event.CallEnded e = (Event.CallEnded) map("{\"eventName\":\"softphoneCallEnded\",\"payload\":"
                + "{\"originationLegUuid\":\"o-2\",\"hangupCause\":\"USER BUSY\"}}").get(0);
        assertEquals("o-2", e.callId());
        assertEquals("USER BUSY", e.cause());
    }

    @Test
    void aNumericExternalIdAndExtrasBecomeStrings() throws Exception {
        Event.CallRinging r = (Event.CallRinging) map("{\"eventName\":\"softphoneCallInvited\",\"payload\":{\"id\":\"c\","
                + "\"subscriber\":{\"name\":\"Ana\",\"number\":84988887777,\"external_id\":120},"
                + "\"extra\":{\"cpf\":9536679433,\"score\":1.50}}}").get(0);
        assertEquals("120", r.call().customer().externalId());
        assertEquals("84988887777", r.call().customer().number());
        assertEquals("9536679433", r.call().data().get("cpf"));
        assertEquals("1.5", r.call().data().get("score"));
    }

    @Test
    void aCampaignCallWithoutTheSubscriberObjectFallsBackToTheDialerExtras() throws Exception {
        Event.CallRinging r = (Event.CallRinging) map("{\"eventName\":\"softphoneCallInvited\",\"payload\":{\"id\":\"c\","
                + "\"extra\":{\"subscriber_name\":\"Maria\",\"subscriber_external_id\":\"000120\"},"
                + "\"campaign\":{\"id\":7,\"slug\":\"cobranca\"}}}").get(0);
        assertEquals("Maria", r.call().customer().name());
        assertEquals("000120", r.call().customer().externalId());
        assertEquals("7", r.call().campaign().id());
        assertEquals("cobranca", r.call().campaign().name());
    }

    @Test
    void pauseTimesAreReadWithSpacesOffsetsAndMicroseconds() throws Exception {
        Event.AgentStateChanged s = (Event.AgentStateChanged) map("{\"eventName\":\"agentStartPause\",\"payload\":{"
                + "\"pause\":{\"reason\":\"Lanche\",\"productive\":\"false\",\"timeStart\":\"2021-02-18 17:51:54.866913-03:00\","
                + "\"maxDuration\":\"00:15:00\"}}}").get(0);
        assertEquals(Instant.parse("2021-02-18T20:51:54.866913Z"), s.at());
        assertEquals(AgentState.NOT_READY, s.state());
        assertEquals(Boolean.FALSE, s.productive());
        assertEquals(900, s.maxDurationSeconds());
    }

    @Test
    void anUnreadableTimeOrDurationIsLeftOutNotFatal() throws Exception {
        Event.AgentStateChanged s = (Event.AgentStateChanged) map("{\"eventName\":\"agentChangePause\",\"payload\":{"
                + "\"pause\":{\"reason\":\"X\",\"timeStart\":\"ontem\",\"maxDuration\":\"muito\"}}}").get(0);
        assertNull(s.at());
        assertNull(s.maxDurationSeconds());
        assertEquals("X", s.reason());
        assertEquals(600, EvoluxTimes.seconds(dev.unibar.connectors.Payloads.JSON.readTree("\"PT10M\"")));
        assertNull(EvoluxTimes.seconds(dev.unibar.connectors.Payloads.JSON.readTree("0")));
    }

    @Test
    void loginTakesTheAgentIdFromAgentIdWhenTheAgentHasNone() throws Exception {
        List<Event> out = map("{\"eventName\":\"agentLogin\",\"payload\":{\"agentId\":\"9\",\"agent\":{\"name\":\"Ana\"}}}");
        Event.AgentLoggedIn in = assertInstanceOf(Event.AgentLoggedIn.class, out.get(0));
        assertEquals("9", in.agent().id());
        assertInstanceOf(Event.SessionReady.class, out.get(1));
    }

    @Test
    void wrongShapesAreMalformedWithAReason() {
        assertThrows(MalformedCaptureException.class, () -> map("[1,2]"));
        assertTrue(assertThrows(MalformedCaptureException.class, () -> map("{\"payload\":{}}"))
                .getMessage().contains("eventName"));
        assertThrows(MalformedCaptureException.class, () -> map("{\"eventName\":7,\"payload\":{}}"));
        assertThrows(MalformedCaptureException.class, () -> map("{\"eventName\":\"agentLogin\",\"payload\":\"x\"}"));
        assertTrue(assertThrows(MalformedCaptureException.class,
                () -> map("{\"eventName\":\"softphoneCallInvited\",\"payload\":{\"direction\":\"inbound\"}}"))
                .getMessage().contains("call id"));
        assertThrows(MalformedCaptureException.class, () -> map("{\"eventName\":\"agentStartPause\",\"payload\":{\"agentId\":1}}"));
    }

    @Test
    void unknownNamesAreUnmappedEvenWithoutAPayload() throws Exception {
        Event.VendorUnmapped u = (Event.VendorUnmapped) map("{\"eventName\":\"agentLogout\"}").get(0);
        assertEquals("agentLogout", u.name());
    }
}
