package dev.unibar.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, finding 6: {@code translate} reads as strictly as the live bridge, says why it refuses a
 * line, keeps line numbers right, and never lets a line cost memory or the terminal.
 */
class TranslateStrictnessTest {

    private static final String RINGING = "{\"callback\":\"onWaitingCallersChange\",\"args\":[3]}";

    record Run(int code, List<String> out, List<String> err) {
    }

    private static Run translate(InputStream stdin) {
        return translate(stdin, "ucs");
    }

    private static Run translate(InputStream stdin, String vendor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, "Linux", "/nonexistent");
        int code = cli.run(new String[] {"translate", "--vendor", vendor});
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        return new Run(code, o.isEmpty() ? List.of() : Arrays.asList(o.split("\n")),
                e.isEmpty() ? List.of() : Arrays.asList(e.split("\n")));
    }

    private static Run translate(String stdin) {
        return translate(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSecondObjectOnALineIsMalformedNotDropped() {
        Run r = translate(RINGING + " {\"callback\":\"onCallRinging\"}\n");
        assertEquals(Cli.MALFORMED, r.code(), r.err().toString());
        assertEquals(List.of(), r.out());
        assertEquals(List.of("line 1: not JSON: more than one JSON value on the line"), r.err());
    }

    @Test
    void duplicateKeysAreMalformed() {
        Run r = translate("{\"callback\":\"onWaitingCallersChange\",\"args\":[1],\"args\":[2]}\n");
        assertEquals(Cli.MALFORMED, r.code());
        assertEquals(List.of(), r.out());
        assertEquals(1, r.err().size());
        assertTrue(r.err().get(0).startsWith("line 1: not JSON: duplicate key 'args'"), r.err().get(0));
    }

    @Test
    void invalidUtf8IsMalformedWithItsColumn() {
        byte[] good = (RINGING + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"callback\":\"onWarning\",\"args\":[\"x\u00ff\"]}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length * 2 + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        System.arraycopy(good, 0, all, good.length + bad.length, good.length);
        Run r = translate(new ByteArrayInputStream(all));
        assertEquals(Cli.MALFORMED, r.code());
        assertEquals(2, r.out().size(), "the lines around it are translated");
        assertEquals(List.of("line 2: not UTF-8 (byte 0xFF at column 35)"), r.err());
    }

    @Test
    void aLoneCarriageReturnDoesNotShiftLineNumbers() {
        Run r = translate(RINGING + "\r\n" + "{\"callback\":\"onWarning\",\r\"args\":[\"x\"]}\n" + "not json\n");
        assertEquals(List.of("line 3: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array,"
                + " Object or token 'null', 'true' or 'false')"), r.err());
        assertEquals(2, r.out().size());
    }

    @Test
    void anOverlongLineIsSkippedWithoutHoldingIt() {
        InputStream huge = new InputStream() {
            private final byte[] head = "{\"callback\":\"onWarning\",\"args\":[\"".getBytes(StandardCharsets.US_ASCII);
            private final long length = 64L << 20;
            private final byte[] tail = ("\"]}\n" + RINGING + "\n").getBytes(StandardCharsets.US_ASCII);
            private long pos;

            @Override
            public int read() {
                long p = pos++;
                if (p < head.length) return head[(int) p];
                if (p < length) return 'x';
                long t = p - length;
                return t < tail.length ? tail[(int) t] : -1;
            }
        };
        Run r = translate(huge);
        assertEquals(List.of("line 1: line longer than 1048576 bytes, skipped"), r.err());
        assertEquals(1, r.out().size(), "the next line is still read");
    }

    @Test
    void stderrShowsACutEscapedLine() {
        String evil = "{\"callback\":\"onCallRinging\",\"args\":[\"\u001b]0;owned\u0007" + "y".repeat(5000) + "\"]}\n";
        Run r = translate(evil);
        assertEquals(1, r.err().size());
        String line = r.err().get(0);
        assertFalse(line.contains("\u001b"), line);
        assertFalse(line.contains("\u0007"), line);
        assertTrue(line.length() < 400, "cut: " + line.length());
    }

    @Test
    void anEpbxLoginWithoutItsRamalInfoIsMalformedNotAnEmptyAgent() {
        Run r = translate(new ByteArrayInputStream("{\"callback\":\"onLogado\",\"args\":[null]}\n"
                .getBytes(StandardCharsets.UTF_8)), "epbx");
        assertEquals(Cli.MALFORMED, r.code());
        assertEquals(List.of(), r.out());
        assertEquals(List.of("line 1: onLogado: RamalInfo is not an object"), r.err());
    }
}
