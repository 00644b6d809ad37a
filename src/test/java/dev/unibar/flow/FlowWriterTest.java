package dev.unibar.flow;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;
import dev.unibar.core.state.BarState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What becomes what (decision 0039), on a recording made by hand: read back, the flow is what the bar did. */
class FlowWriterTest {

    private final List<FlowRecorder.Item> items = new ArrayList<>();
    private long seq;

    private void sent(Command c) {
        seq++;
        items.add(new FlowRecorder.Sent(seq, 2 * seq, c, BarState.initial("ucs")));
    }

    private void came(Event... events) {
        seq++;
        items.add(new FlowRecorder.Came(seq, 2 * seq, List.of(events)));
    }

    private Flow written(boolean answers) throws FlowException {
        FlowRecorder.Recording rec = new FlowRecorder.Recording("ucs", Instant.parse("2026-12-01T10:00:00Z"),
                BarState.initial("ucs"), null, answers, items);
        String yaml = FlowWriter.yaml(rec, "a: day\nname: injected");
        assertFalse(yaml.contains("s3cret"), "the password is never written:\n" + yaml);
        return FlowReader.parse(yaml, "recorded.yml");
    }

    private static Call inbound(String id, String number, String name) {
        return new Call(id, Direction.INBOUND, new Party(number, name), new Party("4000", null),
                new QueueRef("7", "Podpora", null), null, null, Map.of("ivr", "2"), null);
    }

    @Test
    void aCallFromTheVendorsOwnSystemBecomesFarEndAndAgentSteps() throws Exception {
        sent(new Command.Login("agent", "s3cret", false));
        came(new Event.SessionReady("ucs", null));
        came(new Event.CallRinging("ucs", Instant.now(), "1700000000.42", inbound("1700000000.42", "777123456", "yes")));
        came(new Event.CallConnected("ucs", Instant.now(), "1700000000.42", inbound("1700000000.42", "777123456", "yes")));
        sent(new Command.Hold("1700000000.42"));
        came(new Event.CallHeld("ucs", null, "1700000000.42"));
        came(new Event.CallEnded("ucs", null, "1700000000.42", "caller_hangup"), new Event.CallRecording("ucs", null,
                "1700000000.42", "https://ucs.example:8443/rec/1700000000.42.mp3"));
        Flow f = written(true);

        assertEquals("a: day\nname: injected", f.name(), "the name is text, not YAML");
        List<String> steps = f.steps().stream().map(s -> s.kind() + " " + s.action()).toList();
        assertEquals(List.of("AGENT login", "FAR inbound", "AGENT answer", "AGENT hold", "FAR hangup"), steps);
        Step login = f.steps().get(0);
        assertEquals("${env:UNIBAR_PASSWORD}", login.args().get("password"));
        Step call = f.steps().get(1);
        assertEquals(Map.of("from", "777123456", "name", "yes", "queue", "Podpora", "data", Map.of("ivr", "2")), call.args());
        assertEquals(Map.of("type", "call.ringing", "callId", "$call", "call", Map.of("direction", "inbound",
                "from", Map.of("number", "777123456", "name", "yes"), "queue", Map.of("name", "Podpora"))),
                call.expect().get(0).pattern(), "no generated ids, data or the inbound call's own number");
        assertEquals("the agent answered outside the bar's buttons (the vendor's page or phone)", f.steps().get(2).title());
        assertEquals(Map.of("type", "call.held", "callId", "$call"), f.steps().get(3).expect().get(0).pattern());
        assertEquals(Map.of("type", "call.recording", "callId", "$call", "url", "*"), f.steps().get(4).expect().get(1).pattern());
    }

    @Test
    void withAVendorWhoseBarCannotAnswerTheConnectionIsTheFarEnds() throws Exception {
        came(new Event.CallRinging("epbx", null, "SIP/1000-1", inbound("SIP/1000-1", "11987654321", null)));
        came(new Event.CallConnected("epbx", null, "SIP/1000-1", inbound("SIP/1000-1", "11987654321", null)));
        Flow f = written(false);
        assertEquals(1, f.steps().size());
        assertEquals(List.of("call.ringing", "call.connected"), f.steps().get(0).expect().stream().map(EventPattern::type).toList());
    }

    @Test
    void aDialIsPrecededByHowTheNumberBehaved() throws Exception {
        sent(new Command.Dial("603000000"));
        came(new Event.CallDialing("ucs", null, "c1", new Call("c1", Direction.OUTBOUND, null, new Party("603000000", null),
                null, null, null, Map.of(), null)));
        came(new Event.CallEnded("ucs", null, "c1", "busy"));
        Flow f = written(true);
        assertEquals("nextDial", f.steps().get(0).action());
        assertEquals("busy", f.steps().get(0).args().get("outcome"));
        assertEquals(List.of("call.dialing", "call.ended"), f.steps().get(1).expect().stream().map(EventPattern::type).toList(),
                "the busy number's end is the dial's, not a far-end hang-up");
    }

    @Test
    void valuesAreWrittenSoThatYamlReadsTheSameTextBack() {
        assertEquals("\"yes\"", YamlText.text("yes"));
        assertEquals("\"201\"", YamlText.text("201"));
        assertEquals("$call", YamlText.text("$call"));
        assertEquals("\"a\\nb: \\\"c\\\"\"", YamlText.text("a\nb: \"c\""));
        assertEquals("\"*\"", YamlText.text("*"));
        assertEquals("line one line two", YamlText.comment("line one\nline two"));
    }
}
