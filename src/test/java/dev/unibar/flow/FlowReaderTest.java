package dev.unibar.flow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FlowReaderTest {

    private static FlowException fails(String yaml) {
        return assertThrows(FlowException.class, () -> FlowReader.parse(yaml, "f.yml"));
    }

    @Test
    void readsStepsWithTheirLinesLimitsAndPatterns() throws Exception {
        Flow f = FlowReader.parse("""
                name: demo
                vendor: ucs
                timeout: 4s
                steps:
                  - far: inbound
                    from: "777"
                    data: {cpf: "123"}
                    expect:
                      - {type: call.ringing, callId: $call}
                  - wait: 500ms
                  - agent: answer
                    within: 2m
                    title: the agent answers
                """, "f.yml");
        assertEquals("demo", f.name());
        assertEquals("ucs", f.vendor());
        assertEquals(3, f.steps().size());
        Step in = f.steps().get(0);
        assertEquals(5, in.line());
        assertEquals(Step.Kind.FAR, in.kind());
        assertEquals(Map.of("from", "777", "data", Map.of("cpf", "123")), in.args());
        assertEquals(Duration.ofSeconds(4), in.within());
        assertEquals(9, in.expect().get(0).line());
        assertEquals("far end inbound from=777", in.label());
        assertEquals(Duration.ofMillis(500), f.steps().get(1).pause());
        assertEquals(Duration.ofMinutes(2), f.steps().get(2).within());
        assertEquals("the agent answers", f.steps().get(2).label());
    }

    @Test
    void problemsNameTheLine() {
        assertEquals("f.yml:1: not valid YAML: mapping values are not allowed here", fails("name: a: b\n").getMessage());
        assertEquals("f.yml:2: stpes: unknown key; did you mean \"steps\"?", fails("name: x\nstpes: []\n").getMessage());
        assertEquals("f.yml:4: step 1: unknown agent action \"anwser\"; did you mean \"answer\"?",
                fails("name: x\nsteps:\n\n  - agent: anwser\n").getMessage());
        assertEquals("f.yml:3: step 1: needs exactly one of agent:, far: or wait: (has agent, far)",
                fails("name: x\nsteps:\n  - {agent: answer, far: hangup}\n").getMessage());
        assertEquals("f.yml:3: step 1: far inbound needs from:", fails("name: x\nsteps:\n  - far: inbound\n").getMessage());
        assertEquals("f.yml:3: expected a duration such as 500ms, 5s or 2m, got \"soon\"",
                fails("name: x\nsteps:\n  - wait: soon\n").getMessage());
        assertEquals("f.yml:5: step 1: each expected event is a section with at least type:",
                fails("name: x\nsteps:\n  - agent: ready\n    expect:\n      - {state: READY}\n").getMessage());
        assertEquals("f.yml:5: step 1: bad regular expression /(/: Unclosed group",
                fails("name: x\nsteps:\n  - agent: ready\n    expect:\n      - {type: notice, message: \"/(/\"}\n").getMessage());
        assertEquals("f.yml:4: step 1: outcome: expected answer, busy or noanswer",
                fails("name: x\nsteps:\n  - far: colleague\n    outcome: maybe\n").getMessage());
        assertEquals("f.yml:1: steps: missing; a flow needs at least one step", fails("name: x\n").getMessage());
    }

    /** The bar's flow window shows the same problems in the agent's language; YAML keys stay as written. */
    @Test
    void problemsReadInTheBarsLanguage() {
        java.util.ResourceBundle it = Reason.words(java.util.Locale.ITALIAN);
        assertEquals("f.yml:2: stpes: chiave sconosciuta; forse intendevi \"steps\"?", fails("name: x\nstpes: []\n").text(it));
        assertEquals("f.yml:4: passo 1: azione agent sconosciuta \"anwser\"; forse intendevi \"answer\"?",
                fails("name: x\nsteps:\n\n  - agent: anwser\n").text(it));
        assertEquals("f.yml:3: passo 1: far inbound richiede from:", fails("name: x\nsteps:\n  - far: inbound\n").text(it));
        assertEquals("f.yml:3: krok 1: far inbound potřebuje from:",
                fails("name: x\nsteps:\n  - far: inbound\n").text(Reason.words(java.util.Locale.forLanguageTag("cs"))));
    }

    @Test
    void everyShippedFlowReads() throws Exception {
        for (String v : List.of("ucs", "epbx")) {
            try (var s = java.nio.file.Files.list(java.nio.file.Path.of("flows", v))) {
                for (var p : s.toList()) assertEquals(v, FlowReader.read(p).vendor(), p.toString());
            }
        }
    }
}
