package dev.unibar.config;

import dev.unibar.app.Vendors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, finding 5: config files that would exhaust the loader end in a short, located error. */
class ConfigLimitsTest {

    @TempDir
    Path dir;

    private String error(byte[] content) throws IOException {
        Path f = dir.resolve("config.yml");
        Files.write(f, content);
        ConfigException e = assertThrows(ConfigException.class, () -> Vendors.configLoader(n -> null).load(f));
        return e.getMessage().replace(f.toString(), "config.yml");
    }

    private String error(String yaml) throws IOException {
        return error(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The 537-byte file of the issue: 48 aliases, each doubling the one before. */
    static String billionLaughs(int levels) {
        StringBuilder sb = new StringBuilder("vendor: ucs\nucs:\n  api:\n    hostname: 127.0.0.1\n  options:\n    unknownKey:\n");
        sb.append("      a0: &a0 [x, x]\n");
        for (int i = 1; i < levels; i++) sb.append("      a").append(i).append(": &a").append(i)
                .append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        return sb.toString();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aliasesThatExpandExponentiallyAreRefusedQuickly() throws IOException {
        String msg = error(billionLaughs(25));
        assertTrue(msg.startsWith("config.yml:"), msg);
        assertTrue(msg.contains("alias"), msg);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRecursiveAliasIsAnErrorNotAStackOverflow() throws IOException {
        String msg = error("foo: &a [*a]\n");
        assertTrue(msg.startsWith("config.yml:1"), msg);
        assertTrue(msg.length() < 300, msg);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void deepNestingIsLimited() throws IOException {
        String msg = error("vendor: ucs\nucs:\n  options:\n    deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertTrue(msg.contains("nested deeper than"), msg);
        assertTrue(msg.length() < 300, msg);
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead() throws IOException {
        byte[] big = new byte[ConfigLoader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        String msg = error(big);
        assertEquals("config.yml: file is larger than " + ConfigLoader.MAX_BYTES / 1024 + " KiB", msg);
    }

    @Test
    void invalidUtf8NamesItsLine() throws IOException {
        byte[] head = "vendor: ucs\nucs:\n  api: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] content = new byte[head.length + 3];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xC3;
        content[head.length + 1] = (byte) 0x28;
        content[head.length + 2] = '\n';
        assertEquals("config.yml:3: not UTF-8 (byte 0xC3 at column 8)", error(content));
    }

    @Test
    void aFewAliasesStillWork() throws Exception {
        Path f = dir.resolve("ok.yml");
        Files.writeString(f, "vendor: ucs\nucs:\n  api:\n    hostname: &h ucs.example\n    port: 8080\n  options:\n    a: &o {x: 1}\n    b: *o\n    lang: *h\n");
        UnibarConfig c = Vendors.configLoader(n -> null).load(f);
        assertEquals("ucs", c.vendor());
    }
}
