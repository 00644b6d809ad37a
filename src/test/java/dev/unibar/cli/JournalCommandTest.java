package dev.unibar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.journal.CallJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code unibar journal export}: the journal without the bar, its ends in the common vocabulary, times to the second. */
class JournalCommandTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456789Z");

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null, "Linux", dir.toString());
        int code = cli.run(args);
        return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void exportsTheDemoJournalWithEndsAndSecondsAndSaysWhenThereIsNone() throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "demo:\n  vendor: epbx\njournal:\n  file: " + dir.resolve("calls.db") + "\n");
        String[] none = run("journal", "export", "--config", config.toString());
        assertEquals("1", none[0]);
        assertTrue(none[2].contains("no call journal at " + dir.resolve("demo-calls.db")), none[2]);
        assertFalse(Files.exists(dir.resolve("demo-calls.db")), "an export never makes a journal");

        Call in = new Call("a", Direction.INBOUND, new Party("111", null), null, null, null, null, Map.of(), null);
        try (CallJournal j = CallJournal.open(dir.resolve("demo-calls.db"), null, Clock.fixed(T0, ZoneOffset.UTC))) {
            j.record(List.of(new Event.CallRinging("epbx", T0, "a", in), new Event.CallConnected("epbx", T0.plusSeconds(2), "a", null),
                    new Event.CallEnded("epbx", T0.plusSeconds(30), "a", null),
                    new Event.CallRinging("epbx", T0.plusSeconds(60), "b", new Call("b", Direction.INBOUND,
                            new Party("222", null), null, null, null, null, Map.of(), null))));
        }
        String[] csv = run("journal", "export", "--config", config.toString());
        assertEquals("0", csv[0], csv[2]);
        String[] lines = csv[1].split("\r\n");
        assertEquals(3, lines.length, csv[1]);
        assertTrue(lines[0].contains(",endCause,vendorEndCause,"), lines[0]);
        assertTrue(lines[1].matches("epbx,a,.*,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d,answered,,.*"),
                "a normally ended call: its end, its time with an offset, to the second: " + lines[1]);
        assertTrue(lines[2].contains(",in_progress,"), "a call still going says so: " + lines[2]);

        Path out = dir.resolve("calls.json");
        assertEquals("0", run("journal", "export", "--config", config.toString(), "--json", "--out", out.toString())[0]);
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals("answered", root.at("/calls/0/endCause").asText());
        assertEquals("in_progress", root.at("/calls/1/endCause").asText());
        assertEquals("2", run("journal", "import")[0], "only export");
    }
}
