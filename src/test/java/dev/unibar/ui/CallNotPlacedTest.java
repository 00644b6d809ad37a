package dev.unibar.ui;

import dev.unibar.app.Vendors;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.epbx.EpbxMapper;
import dev.unibar.connectors.evolux.EvoluxMapper;
import dev.unibar.connectors.ucs.UcsMapper;
import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A dial the far end answers busy reads the same on every vendor that can report busy (UCS's onCallHangup cause 1,
 * EPBX's onDiscaStatus StatusDiscagem 0, Evolux's hangupCause USER BUSY): one sentence in the message strip and
 * the one vocabulary's words on the call card's last line (decision 0055), in all five languages. Each vendor's
 * own mapper reads its own wire lines; its own end-cause table (VendorModule.endCauses) turns the cause into the
 * vocabulary.
 */
@ExtendWith(ApplicationExtension.class)
class CallNotPlacedTest {

    private static final String NUMBER = "603555000";

    /** Each vendor's lines for a dialled call that ends busy before anyone answers. */
    private record Dial(String vendor, Supplier<VendorMapper> mapper, List<String> lines) {
    }

    private static final List<Dial> BUSY = List.of(
            new Dial("ucs", UcsMapper::new, List.of(
                    "{\"callback\":\"onCallNew\",\"args\":[{\"id\":4712,\"uniqueid\":\"1795252000.1301\",\"direction\":"
                            + "\"OUTGOING\",\"state\":1,\"caller_number\":\"201\",\"called_number\":\"" + NUMBER
                            + "\",\"number\":\"" + NUMBER + "\",\"cause\":-1,\"created\":1795252000,\"now\":1795252000}]}",
                    "{\"callback\":\"onCallRinging\",\"args\":[{\"id\":4712,\"uniqueid\":\"1795252000.1301\",\"direction\":"
                            + "\"OUTGOING\",\"state\":2,\"caller_number\":\"201\",\"called_number\":\"" + NUMBER
                            + "\",\"number\":\"" + NUMBER + "\",\"cause\":-1,\"now\":1795252001}]}",
                    "{\"callback\":\"onCallHangup\",\"args\":[{\"id\":4712,\"uniqueid\":\"1795252000.1301\",\"direction\":"
                            + "\"OUTGOING\",\"state\":4,\"cause\":1,\"disconnected\":1795252003,\"now\":1795252003}]}")),
            new Dial("epbx", EpbxMapper::new, List.of(
                    "{\"callback\":\"onDisca\",\"args\":[{\"Ramal\":1000},{\"CanalId\":\"SIP/1000-00000b01\",\"Telefone\":\""
                            + NUMBER + "\",\"TipoDiscagem\":1,\"DDRLocal\":null,\"RamalStatusDetalheId\":0,\"Direcao\":1}]}",
                    "{\"callback\":\"onDiscaStatus\",\"args\":[{\"Ramal\":1000},{\"CanalId\":\"SIP/1000-00000b01\",\"Telefone\":\""
                            + NUMBER + "\",\"TipoDiscagem\":1,\"DDRLocal\":null,\"RamalStatusDetalheId\":0,\"Direcao\":1},"
                            + "{\"CanalSainte\":\"SIP/trunk-0001\",\"InfoAdicional\":null,\"StatusDiscagem\":0}]}")),
            new Dial("evolux", EvoluxMapper::new, List.of(
                    evolux("softphoneCallInvited", null, null),
                    evolux("softphoneCallEnded", "2019-04-11T19:38:50.000Z", "USER BUSY"))));

    private static String evolux(String event, String end, String cause) {
        return "{\"eventName\":\"" + event + "\",\"payload\":{\"agent\":{\"id\":1,\"name\":\"Teste\",\"extension\":612},"
                + "\"answerTime\":null,\"direction\":\"outbound\",\"endTime\":" + (end == null ? "null" : "\"" + end + "\"")
                + ",\"extra\":{},\"from\":{\"name\":\"612\",\"number\":\"612\"},\"hangupCause\":"
                + (cause == null ? "null" : "\"" + cause + "\"") + ",\"id\":\"09a4482a-a81b-4a69-6fa1-114327490832\","
                + "\"startTime\":\"2019-04-11T19:38:41.046Z\",\"to\":{\"name\":\"" + NUMBER + "\",\"number\":\"" + NUMBER
                + "\"},\"uuid\":\"09a4482a-a81b-4a69-6fa1-114327490832\"}}";
    }

    @Test
    void aBusyDialReadsTheSameOnEveryVendorThatReportsBusy() throws Exception {
        for (String lang : Messages.LANGUAGES) {
            Messages msg = Messages.forLanguage(lang);
            Map<String, List<String>> seen = new LinkedHashMap<>();
            for (Dial d : BUSY) seen.put(d.vendor(), play(d, msg, "busy " + lang));
            List<String> want = List.of(msg.format("callEnd.notPlaced.failed_busy", NUMBER), msg.get("callEnd.failed_busy"));
            for (Map.Entry<String, List<String>> e : seen.entrySet()) {
                assertEquals(want, e.getValue(), lang + " " + e.getKey() + ": strip and card's last line");
            }
        }
    }

    @Test
    void theVendorsOwnWordsForAFailedDialAreNotSaidOver() throws Exception {
        Messages msg = Messages.forLanguage("en");
        Dial error = new Dial("epbx", EpbxMapper::new, List.of(BUSY.get(1).lines().get(0),
                "{\"callback\":\"onDiscaErro\",\"args\":[{\"Ramal\":1000},{\"CanalId\":\"SIP/1000-00000b01\",\"Telefone\":\""
                        + NUMBER + "\",\"Direcao\":1},{\"ClassName\":\"System.Exception\",\"Message\":\"Tronco indisponível\"}]}"));
        assertEquals(List.of("Tronco indisponível", msg.get("callEnd.failed")), play(error, msg, "onDiscaErro"));
    }

    @Test
    void aDialTheAgentHangsUpBeforeAnAnswerIsNoVendorRefusal() throws Exception {
        Messages msg = Messages.forLanguage("en");
        // UCS cause 4 (callee_hangup): a plain end the vendor does not call a failure; the card says no one answered.
        List<String> lines = new ArrayList<>(BUSY.get(0).lines());
        lines.set(2, lines.get(2).replace("\"cause\":1", "\"cause\":4"));
        assertEquals(List.of("", msg.get("callEnd.failed_no_answer")), play(new Dial("ucs", UcsMapper::new, lines), msg,
                "hang-up"));
    }

    /** The strip's text and the card's last line (bound, on no stage) once the vendor's lines are in, each a batch of its own. */
    private List<String> play(Dial d, Messages msg, String what) throws Exception {
        FakeConnector connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        Session session = new Session(connector, Clock.systemUTC(), Vendors.find(d.vendor()).orElseThrow().endCauses());
        BarViewModel vm = new BarViewModel(session);
        MessageStrip strip = Fx.get(() -> new MessageStrip(vm, msg));
        EndCauseLabel card = Fx.get(() -> new EndCauseLabel(vm, msg));
        session.start();
        connector.push(Scenes.loggedInReady());
        VendorMapper mapper = d.mapper().get();
        for (String line : d.lines()) {
            List<Event> events = mapper.mapLine(line);
            connector.pushRaw(line, events.toArray(Event[]::new));
        }
        Fx.until(what + " " + d.vendor() + ": the call ended", () -> vm.stateProperty().get().calls().isEmpty()
                && vm.stateProperty().get().lastEnded() != null);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> out = List.of(Fx.get(strip::getText), Fx.get(card::getText));
        session.stop();
        vm.dispose();
        return out;
    }
}
