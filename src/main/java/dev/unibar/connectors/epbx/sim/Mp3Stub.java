package dev.unibar.connectors.epbx.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A tiny valid-looking MP3: an ID3v2.3 tag naming the call, then silent MPEG-1 Layer III frames. */
final class Mp3Stub {

    /** 128 kbit/s, 44.1 kHz, mono, no CRC: 417-byte frames (144 * 128000 / 44100). */
    private static final byte[] FRAME_HEADER = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0xC4};
    private static final int FRAME_LENGTH = 417;

    private Mp3Stub() {
    }

    static byte[] bytes(String globalId, int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] title = ("\u0000" + "EPBX " + globalId).getBytes(StandardCharsets.ISO_8859_1);
        int frameSize = title.length;
        int tagSize = 10 + frameSize;
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0});
        out.writeBytes(syncsafe(tagSize));
        out.writeBytes(new byte[] {'T', 'I', 'T', '2'});
        out.writeBytes(new byte[] {(byte) (frameSize >>> 24), (byte) (frameSize >>> 16), (byte) (frameSize >>> 8),
                (byte) frameSize, 0, 0});
        out.writeBytes(title);
        for (int i = 0; i < frames; i++) {
            byte[] frame = new byte[FRAME_LENGTH];
            System.arraycopy(FRAME_HEADER, 0, frame, 0, FRAME_HEADER.length);
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static byte[] syncsafe(int n) {
        return new byte[] {(byte) ((n >>> 21) & 0x7F), (byte) ((n >>> 14) & 0x7F), (byte) ((n >>> 7) & 0x7F),
                (byte) (n & 0x7F)};
    }
}
