package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes the golden captures do not cover: configuration, malformed lines, the REST reconcile. */
class EpbxMapperTest {

    private static final String R = "{\"Ramal\":1000}";

    private static List<String> lines(EpbxMapper m, String... captures) throws MalformedCaptureException {
        List<String> out = new ArrayList<>();
        for (String c : captures) for (Event e : m.mapLine(c)) out.add(EventJson.line(e));
        return out;
    }

    private static String cb(String name, String args) {
        return "{\"callback\":\"" + name + "\",\"args\":[" + args + "]}";
    }

    @Test
    void ourNoticesAreKeyedAndTheMiddlewaresTextsStayAsWritten() throws Exception {
        EpbxMapper m = new EpbxMapper();
        Event.Notice lost = (Event.Notice) m.mapLine(cb("onSignalrDesconectado", "")).get(0);
        assertEquals("epbx.signalrLost", lost.key());
        m.mapLine(cb("onInfoIntervaloRamal", R + ",{\"RamalStatusDetalheId\":3,\"Descricao\":\"Almoço\"}"));
        Event.Notice pending = (Event.Notice) m.mapLine(cb("onSetIntervaloRamal",
                R + ",{\"RamalStatusDetalheId\":3,\"RamalStatusDestinoId\":1}")).get(0);
        assertEquals("epbx.pausePending", pending.key());
        assertEquals(List.of("Almoço"), pending.args());
        assertEquals("Pausa pendente: Almoço começa quando a chamada atual terminar",
                dev.unibar.core.model.Notices.text(pending, java.util.Locale.forLanguageTag("pt-BR")));
        Event.Notice vendor = (Event.Notice) m.mapLine(cb("onAlterarIntervaloTipoErro",
                R + ",{\"ClassName\":\"System.Exception\",\"Message\":\"Intervalo não permitido para o ramal\"}")).get(0);
        assertEquals(null, vendor.key());
        assertEquals("Intervalo não permitido para o ramal", vendor.message());
    }

    /** Every epbx.* key the connector's code names is in the notice bundles (NoticesTest checks the languages agree). */
    @Test
    void everyKeyTheConnectorUsesIsInTheBundle() throws Exception {
        java.util.regex.Pattern key = java.util.regex.Pattern.compile(
                "(?:Refusal\\(|NoticeLevel\\.[A-Z]+,\\s*)\"(epbx\\.[A-Za-z]+)\"");
        java.util.Set<String> used = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/dev/unibar/connectors/epbx"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher mm = key.matcher(java.nio.file.Files.readString(f));
                while (mm.find()) used.add(mm.group(1));
            }
        }
        assertTrue(used.size() > 20, used.toString());
        for (String k : used) assertTrue(dev.unibar.core.model.Notices.has(k), k);
    }

    @Test
    void direcaoFollowsTheConfiguredInboundValue() throws Exception {
        String chamada = cb("onChamada", R + ",{\"CanalId\":\"C1\",\"Telefone\":\"119\",\"Direcao\":1}");
        assertTrue(lines(new EpbxMapper(), chamada).get(0).contains("\"direction\":\"outbound\""));
        // The billing table's reading (1 = Entrante) is one setting away.
        assertTrue(lines(new EpbxMapper(null, null, null, "1"), chamada).get(0).contains("\"direction\":\"inbound\""));
    }

    @Test
    void recordingUrlsHangBelowTheServiceBaseWithoutAToken() throws Exception {
        EpbxMapper m = new EpbxMapper("http://epbx.example/Service", null, null, null);
        List<String> out = lines(m, cb("onChamadaGlobalId", R + ",{\"CanalId\":\"C1\"},\"g 1\""));
        assertEquals("{\"type\":\"call.recording\",\"vendor\":\"epbx\",\"callId\":\"C1\","
                + "\"url\":\"http://epbx.example/Service/api/Ligacao/Download/g%201\"}", out.get(0));
        assertEquals("g 1", m.globalIdOf("C1"));
    }

    @Test
    void wrapUpIntervalIsConfigurable() throws Exception {
        EpbxMapper m = new EpbxMapper(null, "4", null, null);
        List<String> out = lines(m, cb("onChamada", R + ",{\"CanalId\":\"C1\",\"Telefone\":\"119\"}"),
                cb("onDesliga", R + ",{\"CanalId\":\"C1\"}"),
                cb("onSetIntervaloRamal", R + ",{\"RamalStatusDetalheId\":4,\"Descricao\":\"Tabulação\","
                        + "\"RamalStatusDestinoId\":0,\"Produtivo\":true}"));
        assertTrue(out.get(2).contains("\"state\":\"WRAP_UP\""), out.toString());
        assertEquals("{\"type\":\"call.wrapUp\",\"vendor\":\"epbx\",\"callId\":\"C1\"}", out.get(3));
    }

    @Test
    void reconcileEndsCallsTheMiddlewareNoLongerHasAndAnnouncesItsActiveOne() throws Exception {
        EpbxMapper m = new EpbxMapper();
        lines(m, cb("onChamada", R + ",{\"CanalId\":\"OLD\",\"Telefone\":\"111\"}"),
                cb("onChamadaEntrouNaFila", R + ",{\"CanalId\":\"Q1\",\"Telefone\":\"222\"}"));
        JsonNode active = Payloads.JSON.readTree("{\"CanalId\":\"NEW\",\"Telefone\":\"333\",\"Direcao\":2}");
        List<String> out = new ArrayList<>();
        for (Event e : m.reconcile(active)) out.add(e.type() + ":" + (e instanceof Event.CallEvent c ? c.callId() : ""));
        assertEquals(List.of("call.ended:OLD", "queue.callLeft:", "queue.waiting:", "call.connected:NEW"), out);
        assertEquals(List.of("NEW"), m.openCallIds());
        assertEquals(List.of("call.ended"), m.reconcile(null).stream().map(Event::type).toList());
        assertTrue(m.openCallIds().isEmpty());
    }

    @Test
    void malformedLinesNameTheirReason() {
        assertEquals("no callback name", reason("{\"args\":[]}"));
        assertEquals("args is not an array", reason("{\"callback\":\"onChamada\",\"args\":{}}"));
        assertEquals("onChamada: no RamalInfo argument", reason(cb("onChamada", "")));
        assertEquals("onChamada: RamalInfo has no Ramal", reason(cb("onChamada", "{\"X\":1},{\"CanalId\":\"C\"}")));
        assertEquals("onChamada: ChamadaInfo is not an object", reason(cb("onChamada", R + ",\"C\"")));
        assertEquals("onChamada: ChamadaInfo has no CanalId", reason(cb("onChamada", R + ",{\"Telefone\":\"1\"}")));
        assertEquals("onConexaoErro: no Exception argument", reason(cb("onConexaoErro", R)));
        assertEquals("onDiscaStatus: no ResultadoDiscagem", reason(cb("onDiscaStatus", R + ",{\"CanalId\":\"C\"}")));
        assertEquals("onSetIntervaloRamal: IntervaloInfo has no RamalStatusDetalheId",
                reason(cb("onSetIntervaloRamal", R + ",{\"Descricao\":\"x\"}")));
        assertEquals("onChamadaGlobalId: no GlobalId", reason(cb("onChamadaGlobalId", R + ",{\"CanalId\":\"C\"}")));
        assertTrue(reason("{oops").startsWith("not JSON"));
    }

    @Test
    void ramalOnlyEventsWithoutACallAreShownAsUnmapped() throws Exception {
        assertEquals(List.of("{\"type\":\"vendor.unmapped\",\"vendor\":\"epbx\",\"name\":\"onInicioEspera\"}"),
                lines(new EpbxMapper(), cb("onInicioEspera", R)));
    }

    private static String reason(String line) {
        return assertThrows(MalformedCaptureException.class, () -> new EpbxMapper().mapLine(line)).getMessage();
    }
}
