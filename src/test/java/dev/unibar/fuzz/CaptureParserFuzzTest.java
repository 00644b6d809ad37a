package dev.unibar.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.unibar.json.CaptureLines;
import dev.unibar.json.StrictJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The capture parser {@code translate} uses, on any bytes: lines (with their numbers counting up by
 * one), each either text that {@link StrictJson} reads or refuses with a reason, or a problem.
 * Anything else thrown is a finding. The bridge's own batch parsing is fuzzed in
 * dev.unibar.bridge.BatchFuzzTest.
 */
class CaptureParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesSplitIntoNumberedReadableOrRefusedLines(byte[] input) {
        CaptureLines lines = new CaptureLines(new ByteArrayInputStream(input), 4096);
        int expected = 1;
        try {
            for (CaptureLines.Line l = lines.next(); l != null; l = lines.next()) {
                if (l.number() != expected++) throw new IllegalStateException("line numbers skipped: " + l.number());
                if ((l.text() == null) == (l.problem() == null)) throw new IllegalStateException("text xor problem");
                if (l.text() == null) continue;
                try {
                    StrictJson.read(l.text());
                } catch (StrictJson.Unreadable e) {
                    if (e.getMessage().length() > StrictJson.MAX_SHOWN + 40) throw new IllegalStateException("reason not cut");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
