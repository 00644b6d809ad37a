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

    /**
     * Issue 22: the config was redacted as text, so a folded secret kept its second line, a URL its query's
     * {@code auth=}, a bearer token with spaces its tail. Now the copy is made from what the parser read: every
     * YAML scalar style, flow mappings, anchors, aliases and merge keys alike.
     */
    @Test
    void theConfigCopyHoldsNoSecretInAnyYamlStyle() throws Exception {
        Path cfg = dir.resolve("config.yml");
        Files.writeString(cfg, String.join("\n",
                "vendor: evolux   # a comment",
                "ucs:",
                "  sso:",
                "    username: jana.novak",
                "    secret: >-",
                "      FOLDED-SECRET-PART-ONE",
                "      FOLDED-SECRET-PART-TWO",
                "  api: {hostname: ucs.example.com, password: 'FLOW-SINGLE-111'}",
                "evolux:",
                "  url: https://evolux.example.com/phone?auth=URLSECRET-QUERY-999&lang=pt",
                "  api:",
                "    token: \"DOUBLE-QUOTED-222\"",
                "epbx:",
                "  password: |",
                "    LITERAL-SECRET-333",
                "    LITERAL-SECRET-444",
                "  serviceBase: https://agent:USERINFO-555@pbx.example.com/Service/",
                "  tokenPath: oauth2/Token",
                "shared: &creds",
                "  api-key: ANCHORED-666",
                "  pin: 'SINGLE-QUOTED-777'",
                "max:",
                "  <<: *creds",
                "  again: *creds",
                "  identifyCookie: true",
                "customerLookup:",
                "  url: https://crm.example.com/lookup?number={number}",
                "  bearerToken: BEARER SECRET WITH SPACES 888",
                ""));
        List<String> secrets = List.of("FOLDED-SECRET-PART-ONE", "FOLDED-SECRET-PART-TWO", "FLOW-SINGLE-111",
                "URLSECRET-QUERY-999", "DOUBLE-QUOTED-222", "LITERAL-SECRET-333", "LITERAL-SECRET-444", "USERINFO-555",
                "ANCHORED-666", "SINGLE-QUOTED-777", "BEARER SECRET WITH SPACES 888", "SECRET WITH SPACES", "SPACES 888");
        UnibarConfig config = new UnibarConfig(cfg, "evolux", null, null, Map.of());
        Path log = dir.resolve("unibar-0.log");
        Files.writeString(log, "INFO phone https://evolux.example.com/phone?auth=URLSECRET-QUERY-999&lang=pt\n"
                + "INFO lookup with BEARER SECRET WITH SPACES 888\nINFO sso FOLDED-SECRET-PART-ONE FOLDED-SECRET-PART-TWO\n");
        Path zip = dir.resolve("bundle.zip");
        new SupportBundle(List.of(log), new Inspector(10, Clock.systemUTC()), config).write(zip);

        Map<String, String> entries = read(zip);
        String copy = entries.get("config/config.yml");
        for (String secret : secrets) {
            entries.forEach((name, text) -> assertFalse(text.contains(secret), name + " holds " + secret + ":\n" + text));
        }
        // What support needs stays: names, hosts, query names, non-secret values.
        for (String kept : List.of("jana.novak", "ucs.example.com", "https://evolux.example.com/phone?auth=******&lang=******",
                "https://******@pbx.example.com/Service/", "tokenPath: oauth2/Token", "identifyCookie: true",
                "bearerToken: ******", "https://crm.example.com/lookup?number=******")) {
            assertTrue(copy.contains(kept), kept + " in:\n" + copy);
        }
        assertFalse(copy.contains("&creds") || copy.contains("*creds") || copy.contains("a comment"), copy);
        assertTrue(entries.get("logs/unibar-0.log").contains("auth=" + Redactor.MASK), entries.get("logs/unibar-0.log"));
    }

    @Test
    void aConfigThatNoLongerParsesIsLeftOutNotCopiedAsText() throws Exception {
        Path cfg = dir.resolve("config.yml");
        Files.writeString(cfg, "epbx:\n  password: \"UNCLOSED-SECRET-1\n  : [\n");
        Path zip = dir.resolve("bundle.zip");
        new SupportBundle(List.of(), null, new UnibarConfig(cfg, "epbx", null, null, Map.of())).write(zip);
        String copy = read(zip).get("config/config.yml");
        assertFalse(copy.contains("UNCLOSED-SECRET-1"), copy);
        assertTrue(copy.contains("left out"), copy);
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
