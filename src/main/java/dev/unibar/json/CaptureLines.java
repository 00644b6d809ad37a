package dev.unibar.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Capture files as lines, for {@code translate}: lines end at LF only (CRLF loses its CR; a lone CR
 * stays in the line, so line numbers agree with editors and {@code wc -l}); a line longer than
 * {@link StrictJson#MAX_LINE_BYTES} is skipped without being held in memory; bytes that are not
 * UTF-8 make the line bad, with the column, instead of becoming U+FFFD. Not thread-safe.
 */
public final class CaptureLines {

    /** One line: its text, or why it could not be read (exactly one of the two is null). */
    public record Line(int number, String text, String problem) {
    }

    private final InputStream in;
    private final int maxBytes;
    private byte[] buf = new byte[8192];
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkEnd;
    private int number;
    private boolean eof;

    public CaptureLines(InputStream in) {
        this(in, StrictJson.MAX_LINE_BYTES);
    }

    public CaptureLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        if (eof) return null;
        int len = 0;
        boolean tooLong = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    eof = true;
                    if (len == 0 && !tooLong) return null;
                    break;
                }
            }
            byte b = chunk[chunkPos++];
            if (b == '\n') break;
            if (tooLong) continue;
            if (len == maxBytes) {
                tooLong = true;
                continue;
            }
            if (len == buf.length) buf = Arrays.copyOf(buf, Math.min(maxBytes, buf.length * 2));
            buf[len++] = b;
        }
        number++;
        if (tooLong) return new Line(number, null, "line longer than " + maxBytes + " bytes, skipped");
        if (len > 0 && buf[len - 1] == '\r') len--;
        return decode(len);
    }

    private Line decode(int len) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(buf, 0, len);
        CharBuffer chars = CharBuffer.allocate(len);
        CoderResult r = d.decode(bytes, chars, true);
        if (!r.isError()) r = d.flush(chars);
        if (r.isError()) {
            int at = bytes.position();
            return new Line(number, null, String.format("not UTF-8 (byte 0x%02X at column %d)", buf[at] & 0xff, at + 1));
        }
        chars.flip();
        return new Line(number, chars.toString(), null);
    }
}
