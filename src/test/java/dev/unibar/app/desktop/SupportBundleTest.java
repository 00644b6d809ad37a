package dev.unibar.app.desktop;

import dev.unibar.config.Secret;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.inspect.Inspector;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupportBundleTest {

    record Section(String host, Secret password) {
    }

    @TempDir
    Path dir;

    @Test
    void zipsLogsInspectorAndConfigWithEverySecretRemoved() throws Exception {
        String secret = "Pa55-w0rd-xyz";
        Path cfg = dir.resolve("config.yml");
        Files.writeString(cfg, "vendor: epbx\nepbx:\n  password: " + secret + "\n");
        UnibarConfig config = new UnibarConfig(cfg, "epbx", null, null, Map.of("epbx", new Section("h", Secret.of(secret))));
        Path log = dir.resolve("unibar-0.log");
        Files.writeString(log, "INFO connecting with " + secret + "\nINFO refresh_token=abcdef123\n");
        Inspector inspector = new Inspector(100, Clock.systemUTC());
        inspector.mapped("epbx", "{\"callback\":\"onLogin\",\"args\":[\"" + secret + "\"]}",
                List.of(new Event.Notice("epbx", null, NoticeLevel.INFO, "hello " + secret)));
        inspector.malformed("epbx", "not json", "no JSON");

        Path zip = dir.resolve("bundle.zip");
        new SupportBundle(List.of(log), inspector, config).write(zip);

        Map<String, String> entries = read(zip);
        assertEquals(List.of("about.txt", "config/config.yml", "inspector/captures.txt", "inspector/events.jsonl",
                "logs/unibar-0.log"), List.copyOf(entries.keySet()));
        entries.forEach((name, text) -> {
            assertFalse(text.contains(secret), name + " holds the secret");
            assertFalse(text.contains("abcdef123"), name + " holds a token");
        });
        assertTrue(entries.get("inspector/events.jsonl").contains("\"type\":\"notice\""));
        assertTrue(entries.get("inspector/captures.txt").contains("MALFORMED epbx not json  # no JSON"));
        assertTrue(entries.get("logs/unibar-0.log").contains("connecting with " + Redactor.MASK));
        assertTrue(entries.get("about.txt").contains("vendor epbx"));
        assertFalse(Files.exists(dir.resolve("bundle.zip.part")));
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
