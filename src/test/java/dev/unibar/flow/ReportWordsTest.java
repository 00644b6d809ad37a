package dev.unibar.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.testkit.BundleFiles;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow report in the bar's languages: the command line keeps its English, the flow window reads the agent's. */
class ReportWordsTest {

    @Test
    void everyLanguageHasEveryKeyWithItsPlaceholders() {
        BundleFiles.assertEveryLanguageHasEveryKey("/dev/unibar/flow/report");
        for (String s : BundleFiles.SUFFIXES) {
            Properties p = BundleFiles.load("/dev/unibar/flow/report", s);
            for (String k : p.stringPropertyNames()) {
                // A lone apostrophe quotes the rest of the pattern: its placeholders would show as written.
                String shown = new MessageFormat(p.getProperty(k)).format(new Object[]{"a", "b", "c", "d"});
                assertFalse(shown.contains("{"), s + " " + k + " has a lone apostrophe: " + shown);
                String source = p.getProperty(k);
                assertEquals(source.length() - source.replace("'", "").length(), 2 * (shown.length() - shown.replace("'", "").length()),
                        s + " " + k + ": every apostrophe is written twice");
            }
        }
    }

    private static FlowReport failedReport() throws Exception {
        Flow flow = FlowReader.parse("""
                name: pause
                vendor: ucs
                steps:
                  - agent: pause
                    reason: Oběd
                    expect:
                      - {type: agent.state, reason: Porada}
                  - agent: ready
                """, "pause.yml");
        EventPattern p = flow.steps().get(0).expect().get(0);
        String got = "{\"type\":\"agent.state\",\"vendor\":\"ucs\",\"state\":\"NOT_READY\",\"reason\":\"Oběd\"}";
        EventPattern.Mismatch m = p.match(new ObjectMapper().readTree(got), new HashMap<>(Map.of()));
        List<Reason> why = List.of(Reason.of("run.expected", p.line(), p.describe(), "3 s"), Reason.of("run.cameClose", p.type(), m.reason()));
        return new FlowReport(flow, "ucs", true, Instant.EPOCH, Duration.ofSeconds(3), List.of(
                new StepResult(flow.steps().get(0), StepResult.Status.FAILED, Duration.ofSeconds(3), why,
                        List.of(new StepResult.Received(Duration.ofMillis(40), got, false))),
                StepResult.skipped(flow.steps().get(1))));
    }

    @Test
    void theCommandLineReadsEnglish() throws Exception {
        assertEquals("""
                flow: pause (pause.yml) against the ucs simulator
                  FAIL  1  agent pause reason=Oběd  3 s
                        step at line 4
                        line 7: expected {type: agent.state, reason: Porada} within 3 s
                        came close: agent.state, but reason: expected "Porada", got "Oběd"
                        came instead (1 event during the step):
                            +40 ms  {"type":"agent.state","vendor":"ucs","state":"NOT_READY","reason":"Oběd"}
                  skip  2  agent ready           \s
                FAILED: 0 of 2 steps passed, 1 failed, 1 skipped (3 s)
                """, ReportText.of(failedReport()));
    }

    @Test
    void theFlowWindowReadsTheAgentsLanguage() throws Exception {
        String it = ReportText.of(failedReport(), Reason.words(Locale.ITALIAN));
        assertTrue(it.startsWith("flusso: pause (pause.yml) contro il simulatore ucs\n"), it);
        assertTrue(it.contains("  ERRORE   1  agent pause reason=Oběd  3 s\n"), it);
        assertTrue(it.contains("        riga 7: atteso {type: agent.state, reason: Porada} entro 3 s\n"), it);
        assertTrue(it.contains("        quasi: agent.state, ma reason: atteso \"Porada\", arrivato \"Oběd\"\n"), it);
        assertTrue(it.contains("        è arrivato invece (1 evento durante il passo):\n"), it);
        assertTrue(it.contains("  saltato  2  agent ready"), it);
        assertTrue(it.endsWith("NON SUPERATO: 0 passi su 2 superati, 1 falliti, 1 saltati (3 s)\n"), it);
        String fr = ReportText.of(failedReport(), Reason.words(Locale.forLanguageTag("fr")));
        assertTrue(fr.contains("arrivé à la place (1 événement pendant l'étape) :"), fr);
    }
}
