package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EPBX calls through the mapper: dialer calls with customer and campaign, consultation legs and which call is
 * wrapped up, endings EPBX reports twice, an answer for a call already over, times and extra call data.
 */
class EpbxMapperCallsTest {

    private static final String R = "{\"Ramal\":1000}";

    private static String cb(String name, String args) {
        return "{\"callback\":\"" + name + "\",\"args\":[" + args + "]}";
    }

    private static Call call(Event e) {
        if (e instanceof Event.CallRinging r) return r.call();
        if (e instanceof Event.CallDialing d) return d.call();
        if (e instanceof Event.CallConnected c) return c.call();
        throw new AssertionError("no call in " + e);
    }

    @Test
    void aDialerCallIsOutboundWithTheCustomerAndItsOwnDataUnlessDirecaoSaysOtherwise() throws Exception {
        EpbxMapper m = new EpbxMapper();
        Event e = m.mapLine(cb("onChamada", R + ",{\"CanalId\":\"D1\",\"NomeCliente\":\"Ana Souza\",\"TelefoneCliente\":\"11987\","
                + "\"CodigoCliente\":\"C-9\",\"CodigoCampanha\":\"7\",\"NomeCampanha\":\"Renovação\",\"Prioridade\":\"alta\","
                + "\"DataHora\":\"2026-03-01T09:30:00Z\"}")).get(0);
        Call c = call(e);
        assertEquals(Direction.OUTBOUND, c.direction(), "a dialer call goes out unless Direcao says");
        assertEquals("1000", c.from().number());
        assertEquals("11987", c.to().number(), "no Telefone: the customer's number");
        assertEquals("Ana Souza", c.to().name());
        assertEquals("C-9", c.customer().externalId());
        assertEquals("Renovação", c.campaign().name());
        assertEquals(false, c.manual(), "the dialer placed it");
        assertEquals(Map.of("Prioridade", "alta"), c.data(), "only the fields with no home of their own");
        assertEquals(Instant.parse("2026-03-01T09:30:00Z"), e.at());

        Call in = call(m.mapLine(cb("onChamada", R + ",{\"CanalId\":\"D2\",\"NomeCliente\":\"Rui\",\"Direcao\":2}")).get(0));
        assertEquals(Direction.INBOUND, in.direction());
        assertNull(in.from().number(), "no number anywhere");
        assertEquals("Rui", in.from().name());
        assertEquals("1000", in.to().number());

        Call plain = call(m.mapLine(cb("onChamada", R + ",{\"CanalId\":\"P1\",\"Telefone\":\"119\"}")).get(0));
        assertEquals(Direction.INBOUND, plain.direction(), "offered and no dialer: inbound");
        assertNull(plain.manual());
        Call dialed = call(m.mapLine(cb("onDisca", R + ",{\"CanalId\":\"P2\",\"Telefone\":\"119\"}")).get(0));
        assertEquals(Direction.OUTBOUND, dialed.direction());
        assertEquals(true, dialed.manual(), "the agent dialed it");
    }

    @Test
    void theMainCallIsWrappedUpNotTheConsultationLeg() throws Exception {
        EpbxMapper m = new EpbxMapper(null, "4", null, null);
        m.mapLine(cb("onAtendido", R + ",{\"CanalId\":\"MAIN\",\"Telefone\":\"119\",\"Direcao\":2}"));
        m.mapLine(cb("onConsultaChamada", R + ",{\"CanalId\":\"LEG\",\"Telefone\":\"2001\"}"));
        assertEquals("MAIN", m.currentCallId(), "a consultation leg is never the current call");
        m.mapLine(cb("onConsultaAtendido", R + ",{\"CanalId\":\"LEG\"}"));
        m.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"LEG\"}"));
        m.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"MAIN\"}"));
        List<Event> wrap = m.mapLine(cb("onSetIntervaloRamal", R + ",{\"RamalStatusDetalheId\":4,\"Descricao\":\"Pós\"}"));
        assertTrue(wrap.stream().anyMatch(e -> e instanceof Event.CallWrapUp w && w.callId().equals("MAIN")), wrap.toString());

        EpbxMapper legLast = new EpbxMapper(null, "4", null, null);
        legLast.mapLine(cb("onAtendido", R + ",{\"CanalId\":\"MAIN\",\"Telefone\":\"119\",\"Direcao\":2}"));
        legLast.mapLine(cb("onConsultaChamada", R + ",{\"CanalId\":\"LEG\",\"Telefone\":\"2001\"}"));
        legLast.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"MAIN\"}"));
        legLast.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"LEG\"}"));
        List<Event> wrap2 = legLast.mapLine(cb("onSetIntervaloRamal", R + ",{\"RamalStatusDetalheId\":4,\"Descricao\":\"Pós\"}"));
        assertTrue(wrap2.stream().anyMatch(e -> e instanceof Event.CallWrapUp w && w.callId().equals("MAIN")),
                "the leg ending last does not take the wrap-up: " + wrap2);
    }

    @Test
    void anEndingReportedTwiceEndsTheCallOnceAndALateAnswerIsIgnored() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.mapLine(cb("onDisca", R + ",{\"CanalId\":\"D1\",\"Telefone\":\"1188\"}"));
        List<Event> status = m.mapLine(cb("onDiscaStatus", R + ",{\"StatusDiscagem\":0}"));
        assertEquals(List.of(new Event.CallEnded("epbx", null, "D1", "busy")), status, "the call being dialed");
        assertEquals(List.of(), m.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"D1\"}")), "EPBX's second report of it");
        assertEquals(List.of(), m.mapLine(cb("onAtendido", R + ",{\"CanalId\":\"D1\"}")), "an answer after the end");
        assertFalse(m.openCallIds().contains("D1"));

        List<Event> byChannel = new EpbxMapper().mapLine(cb("onDiscaStatus", R + ",{\"StatusDiscagem\":-1,\"CanalSainte\":\"S9\"}"));
        assertEquals(List.of(new Event.CallEnded("epbx", null, "S9", "no_answer")), byChannel, "the outgoing channel names it");
    }

    @Test
    void aDialErrorEndsTheCallBeingDialedAndSaysWhy() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.mapLine(cb("onDisca", R + ",{\"CanalId\":\"D1\",\"Telefone\":\"1188\"}"));
        List<Event> out = m.mapLine(cb("onDiscaErro", R + ",{\"Message\":\"Número inválido\"}"));
        assertEquals(2, out.size(), out.toString());
        assertEquals("Número inválido", ((Event.Notice) out.get(0)).message());
        assertEquals(new Event.CallEnded("epbx", null, "D1", "failed"), out.get(1));
        List<Event> none = new EpbxMapper().mapLine(cb("onDiscaErro", R + ",\"sem linha\""));
        assertEquals(1, none.size(), "no call to end: only the message");
    }

    @Test
    void theMiddlewaresActiveCallIsAnnouncedOnceAfterAReconnect() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.mapLine(cb("onAtendido", R + ",{\"CanalId\":\"C1\",\"Telefone\":\"119\",\"Direcao\":2}"));
        JsonNode active = Payloads.JSON.readTree("{\"CanalId\":\"C1\",\"Telefone\":\"119\",\"Direcao\":2}");
        assertEquals(List.of(), m.reconcile(active), "already shown connected");
        m.mapLine(cb("onDeslogado", R));
        assertEquals(List.of("call.connected"), m.reconcile(active).stream().map(Event::type).toList(),
                "after a log-out the bar knows no call: announce it");
    }

    @Test
    void onlyTheLastSixtyFourEndedCallsAreRemembered() throws Exception {
        EpbxMapper m = new EpbxMapper();
        for (int i = 0; i < 65; i++) {
            m.mapLine(cb("onChamada", R + ",{\"CanalId\":\"E" + i + "\",\"Telefone\":\"1\"}"));
            m.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"E" + i + "\"}"));
        }
        assertEquals(List.of(), m.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"E64\"}")), "a recent one is still known");
        assertEquals(List.of(new Event.CallEnded("epbx", null, "E0", null)), m.mapLine(cb("onDesliga", R + ",{\"CanalId\":\"E0\"}")),
                "the oldest was forgotten, so its second report counts again");
    }

    @Test
    void aTransferEndsTheCallWithTheTargetEpbxNamesOrTheOneDialed() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.mapLine(cb("onAtendido", R + ",{\"CanalId\":\"C1\",\"Telefone\":\"119\",\"Direcao\":2}"));
        m.transferringTo("2001");
        List<Event> named = m.mapLine(cb("onChamadaTransferida", R + ",{\"CanalId\":\"C1\",\"Destino\":\"3001\"}"));
        assertEquals(new Event.CallTransferred("epbx", null, "C1", "3001"), named.get(0), "EPBX's own target first");
        assertEquals(new Event.CallEnded("epbx", null, "C1", "transfer"), named.get(1));
        assertTrue(m.openCallIds().isEmpty());
    }

    @Test
    void aRamalOnlyEventActsOnTheCurrentCall() throws Exception {
        EpbxMapper m = new EpbxMapper();
        m.mapLine(cb("onAtendido", R + ",{\"CanalId\":\"C1\",\"Telefone\":\"119\",\"Direcao\":2}"));
        assertEquals(List.of(new Event.CallHeld("epbx", null, "C1")), m.mapLine(cb("onInicioEspera", R)));
        assertEquals(List.of(new Event.CallResumed("epbx", null, "C1")), m.mapLine(cb("onTerminoEspera", R)));
        List<Event> end = m.mapLine(cb("onConferenciaTermino", R));
        assertEquals(new Event.CallEnded("epbx", null, "C1", "conference"), end.get(0));
        assertEquals("epbx.conferenceEnded", ((Event.Notice) end.get(1)).key());
        assertTrue(m.openCallIds().isEmpty());
    }

    @Test
    void aConferenceLegWithoutCallOrExceptionIsMalformed() {
        MalformedCaptureException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedCaptureException.class,
                () -> new EpbxMapper().mapLine(cb("onConferenciaDisca", R)));
        assertEquals("onConferenciaDisca: no ChamadaInfo", e.getMessage());
    }
}
