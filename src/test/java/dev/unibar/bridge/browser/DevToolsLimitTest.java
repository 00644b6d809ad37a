package dev.unibar.bridge.browser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipe's framing holds at most the limit of one message, and a longer one costs only itself (issue 22). */
class DevToolsLimitTest {

    private final List<String> got = new ArrayList<>();

    private final CdpConnection.Receiver receiver = new CdpConnection.Receiver() {
        @Override
        public void message(String text) {
            got.add("message " + text);
        }

        @Override
        public void oversized(String head, long bytes) {
            got.add("oversized " + bytes + " " + head.length() + " " + head.substring(0, 12));
        }

        @Override
        public void closed() {
            got.add("closed");
        }
    };

    @Test
    void aMessageOverTheLimitIsSkippedToItsEndAndTheNextOneIsRead() {
        PipeTransport.Framer framer = new PipeTransport.Framer(1000, receiver);
        String head = "{\"method\":\"Runtime.bindingCalled\",\"params\":{\"payload\":\"";
        feed(framer, "{\"id\":1,\"result\":{}}\0" + head);
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 100; i++) framer.accept(chunk, chunk.length);
        feed(framer, "\"}}\0{\"id\":2,\"result\":{}}\0");
        assertEquals(3, got.size(), got.toString());
        assertEquals("message {\"id\":1,\"result\":{}}", got.get(0));
        assertTrue(got.get(1).startsWith("oversized " + (head.length() + 100 * 4096 + 3) + " " + CdpConnection.Transport.HEAD_BYTES + " {\"method\":\"R"), got.get(1));
        assertEquals("message {\"id\":2,\"result\":{}}", got.get(2));
    }

    private static void feed(PipeTransport.Framer f, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        f.accept(b, b.length);
    }
}
