package dev.unibar.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 for config files: a bad byte is an error with its line, never a silent U+FFFD. */
final class Utf8Text {

    private Utf8Text() {
    }

    static String decode(String name, byte[] bytes) throws ConfigException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) r = d.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new ConfigException(name, line, null, String.format("not UTF-8 (byte 0x%02X at column %d)",
                    bytes[at] & 0xff, at - lineStart + 1));
        }
        out.flip();
        String s = out.toString();
        // A byte-order mark is what Windows editors write first; YAML allows it, SnakeYAML wants it gone.
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
