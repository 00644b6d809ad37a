package dev.unibar.config;

import dev.unibar.app.Vendors;
import dev.unibar.connectors.epbx.EpbxConfig;
import dev.unibar.connectors.ucs.UcsConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private static final Function<String, String> NO_ENV = name -> null;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("config.yml");
        Files.writeString(f, yaml);
        return f;
    }

    private UnibarConfig load(String yaml) throws Exception {
        return Vendors.configLoader(NO_ENV).load(write(yaml));
    }

    /** The message of the error loading {@code yaml}, with the temp path replaced by "config.yml". */
    private String error(String yaml) throws IOException {
        return error(yaml, NO_ENV);
    }

    private String error(String yaml, Function<String, String> env) throws IOException {
        Path f = write(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> Vendors.configLoader(env).load(f));
        assertEquals(f.toString(), e.file());
        return e.getMessage().replace(f.toString(), "config.yml");
    }

    @Test
    void aValidUcsFile() throws Exception {
        UnibarConfig c = load("""
                vendor: ucs
                language: cs
                ucs:
                  api:
                    hostname: ucs.zakaznik.cz
                    port: "8443"
                    secure: true
                  options:
                    headless: true
                    listDevices: yes
                    lang: cs
                    futureFlag: 3
                    emptyFlag:
                    audioInputConstraints: {echoCancellation: false}
                  sso:
                    username: jana.novakova
                    secret: s3cr3t
                    provider: Unibar
                  trustedOrigins: [https://crm.zakaznik.cz]
                """);
        assertEquals("ucs", c.vendor());
        assertFalse(c.demo());
        assertEquals("cs", c.language());
        assertEquals(dir.resolve("config.yml"), c.source());
        UcsConfig u = c.section("ucs", UcsConfig.class);
        assertEquals("ucs.zakaznik.cz", u.apiHostname());
        assertEquals(8443, u.apiPort());
        assertTrue(u.apiSecure());
        assertEquals("https://ucs.zakaznik.cz:8443", u.origin());
        assertTrue(u.headless());
        assertEquals(Map.of("headless", true, "listDevices", true, "lang", "cs", "futureFlag", 3L,
                "audioInputConstraints", Map.of("echoCancellation", false)), u.options());
        assertEquals("jana.novakova", u.ssoUsername());
        assertEquals("s3cr3t", u.ssoSecret().reveal());
        assertEquals("Unibar", u.ssoProvider());
        assertEquals(List.of("https://crm.zakaznik.cz"), u.trustedOrigins());
        assertNull(c.section("epbx", EpbxConfig.class));
    }

    @Test
    void aValidEpbxFileGetsDefaults() throws Exception {
        UnibarConfig c = load("""
                vendor: epbx
                epbx:
                  serviceBase: http://10.0.0.5/Service
                  clientId: unibar
                  device: 1001
                  logonType: ramalVirtual
                  wrapUpInterval: 9
                """);
        EpbxConfig e = c.section("epbx", EpbxConfig.class);
        assertEquals("http://10.0.0.5/Service/", e.serviceBase());
        assertEquals("oauth2/Token", e.tokenPath());
        assertEquals("classic", e.signalr());
        assertEquals("AtendimentoHub", e.hub());
        assertEquals("atendimentoHub", e.corePath());
        assertEquals("1001", e.device());
        assertEquals("ramalVirtual", e.logonType());
        assertEquals("9", e.wrapUpInterval());
        assertNull(e.readyInterval());
        assertNull(e.password());
    }

    @Test
    void portAndSecureDefaultEachOther() throws Exception {
        UcsConfig plain = load("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n    port: 8080\n").section("ucs", UcsConfig.class);
        assertFalse(plain.apiSecure());
        assertEquals("http://ucs.local:8080", plain.origin());
        UcsConfig tls = load("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n").section("ucs", UcsConfig.class);
        assertTrue(tls.apiSecure());
        assertEquals(443, tls.apiPort());
    }

    @Test
    void anEmptyFileIsDemoMode() throws Exception {
        UnibarConfig c = load("# nothing yet\n");
        assertTrue(c.demo());
        assertEquals("ucs", c.effectiveVendor());
    }

    // ---- errors: file:line: key: problem ------------------------------------------------------------

    @Test
    void unknownKeySuggestsTheClosest() throws Exception {
        assertEquals("config.yml:5: ucs.api.prot: unknown key; did you mean \"port\"?",
                error("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n    prot: 443\n"));
        assertEquals("config.yml:2: langauge: unknown key; did you mean \"language\"?",
                error("vendor: ucs\nlangauge: cs\n"));
        // Every registered vendor's section is a known key, in registration order.
        assertEquals("config.yml:1: colour: unknown key; expected one of vendor, demo, language, browser, "
                + String.join(", ", Vendors.ids()) + ", journal, screenPop, flows, customerLookup, wrapUp, localApi, webhooks, hooks, dispositions", error("colour: blue\n"));
    }

    @Test
    void misspeltUcsOptionIsAnErrorButNewOptionsPassThrough() throws Exception {
        assertEquals("config.yml:6: ucs.options.autoLogin: unknown option; did you mean \"autologin\"?",
                error("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n  options:\n    autoLogin: true\n"));
        assertEquals("config.yml:6: ucs.options.onReady: callbacks are installed by Unibar and cannot be configured",
                error("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n  options:\n    onReady: x\n"));
    }

    @Test
    void wrongTypes() throws Exception {
        assertEquals("config.yml:5: ucs.api.port: expected a number, got \"abc\"",
                error("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n    port: abc\n"));
        assertEquals("config.yml:5: ucs.api.port: expected a number from 1 to 65535, got 70000",
                error("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n    port: 70000\n"));
        assertEquals("config.yml:6: ucs.options.headless: expected true or false, got \"maybe\"",
                error("vendor: ucs\nucs:\n  api:\n    hostname: ucs.local\n  options:\n    headless: maybe\n"));
        assertEquals("config.yml:3: ucs.api: expected a section of keys, got \"ucs.local\"",
                error("vendor: ucs\nucs:\n  api: ucs.local\n"));
        assertEquals("config.yml:4: ucs.api.hostname: expected a text, got a list",
                error("vendor: ucs\nucs:\n  api:\n    hostname: [a, b]\n"));
        assertEquals("config.yml:3: epbx.signalr: expected one of classic, core, got \"websocket\"",
                error("epbx:\n  serviceBase: http://x/Service/\n  signalr: websocket\n"));
        assertEquals("config.yml:4: ucs.trustedOrigins: expected an origin such as https://crm.example.com:8443 (no path), got \"https://crm/x\"",
                error("ucs:\n  api: {hostname: h}\n  trustedOrigins:\n    - https://crm/x\n"));
    }

    @Test
    void missingRequiredKeys() throws Exception {
        assertEquals("config.yml:3: ucs.api.hostname: missing; required when vendor is ucs",
                error("vendor: ucs\nucs:\n  api:\n    port: 443\n"));
        assertEquals("config.yml:1: ucs.api.hostname: missing; required when vendor is ucs",
                error("vendor: ucs\nlanguage: cs\n"));
        assertEquals("config.yml:2: epbx.serviceBase: missing; required when vendor is epbx",
                error("language: cs\nvendor: epbx\n"));
        assertEquals("config.yml:4: ucs.sso.secret: missing; required with ucs.sso.username",
                error("vendor: ucs\nucs:\n  api: {hostname: h}\n  sso:\n    username: jana\n"));
    }

    @Test
    void invalidVendorIds() throws Exception {
        assertEquals("config.yml:1: vendor: unknown vendor \"avaya\"; expected one of ucs, epbx, agentdesktop, evolux, max",
                error("vendor: avaya\n"));
        assertEquals("config.yml:2: demo.vendor: unknown vendor \"UCS\"; expected one of ucs, epbx, agentdesktop, evolux, max",
                error("demo:\n  vendor: UCS\n"));
    }

    @Test
    void unsetEnvironmentVariableInASecret() throws Exception {
        assertEquals("config.yml:5: ucs.sso.secret: environment variable UCS_SSO_SECRET is not set",
                error("vendor: ucs\nucs:\n  api: {hostname: h}\n  sso:\n    secret: ${env:UCS_SSO_SECRET}\n    username: jana\n"));
        assertEquals("config.yml:3: epbx.password: a secret reference must be exactly ${env:NAME}",
                error("epbx:\n  serviceBase: http://x/Service/\n  password: ${EPBX_PASSWORD}\n"));
    }

    @Test
    void yamlSyntaxAndDuplicateKeys() throws Exception {
        String syntax = error("vendor: ucs\nucs:\n  api:\n    hostname: [unclosed\n");
        assertTrue(syntax.startsWith("config.yml:5: not valid YAML: "), syntax);
        assertEquals("config.yml:2: vendor: duplicate key", error("vendor: ucs\nvendor: epbx\n"));
        assertEquals("config.yml:1: expected a mapping of keys at the top level, got a list", error("- ucs\n"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("nope.yml");
        ConfigException e = assertThrows(ConfigException.class, () -> Vendors.configLoader(NO_ENV).load(f));
        assertEquals(f + ": file not found", e.getMessage());
    }

    @Test
    void envSecretIsResolvedAndNeverPrinted() throws Exception {
        Path f = write("""
                vendor: ucs
                ucs:
                  api: {hostname: ucs.local}
                  sso:
                    username: jana
                    secret: ${env:UCS_SSO_SECRET}
                epbx:
                  serviceBase: http://x/Service/
                  password: "${env:EPBX_PASSWORD}"
                """);
        Map<String, String> env = Map.of("UCS_SSO_SECRET", "very-secret-1", "EPBX_PASSWORD", "very-secret-2");
        UnibarConfig c = Vendors.configLoader(env::get).load(f);
        assertEquals("very-secret-1", c.section("ucs", UcsConfig.class).ssoSecret().reveal());
        assertEquals("very-secret-2", c.section("epbx", EpbxConfig.class).password().reveal());
        String printed = c.toString();
        assertFalse(printed.contains("very-secret"), printed);
        assertTrue(printed.contains("ssoSecret=******"), printed);
        assertTrue(printed.contains("password=******"), printed);
    }

    @Test
    void theSampleFileLoads() throws Exception {
        Path sample = Path.of("config.sample.yml");
        UnibarConfig c = Vendors.configLoader(NO_ENV).load(sample);
        assertEquals("ucs", c.vendor());
        assertEquals("ucs.zakaznik.cz", c.section("ucs", UcsConfig.class).apiHostname());
        assertEquals(Boolean.FALSE, c.section("ucs", UcsConfig.class).options().get("headless"));
        assertEquals(18, c.section("ucs", UcsConfig.class).options().size(), "every documented flag is in the sample");
        assertEquals("classic", c.section("epbx", EpbxConfig.class).signalr());
        assertEquals("0", c.section("epbx", EpbxConfig.class).readyInterval());
        assertFalse(c.section("epbx", EpbxConfig.class).recordingsDir().startsWith("~"));
    }

    // ---- where the file is looked for -------------------------------------------------------------------

    @Test
    void platformDefaults() {
        assertEquals(Path.of("/home/jana/.config/unibar/config.yml"),
                ConfigLoader.platformDefault(NO_ENV, "Linux", "/home/jana"));
        assertEquals(Path.of("/xdg/unibar/config.yml"),
                ConfigLoader.platformDefault(Map.of("XDG_CONFIG_HOME", "/xdg")::get, "Linux", "/home/jana"));
        assertEquals(Path.of("/home/jana/.config/unibar/config.yml"),
                ConfigLoader.platformDefault(Map.of("XDG_CONFIG_HOME", "relative")::get, "Linux", "/home/jana"),
                "a relative XDG_CONFIG_HOME is ignored");
        assertEquals(Path.of("C:\\Users\\jana\\AppData\\Roaming", "Unibar", "config.yml"),
                ConfigLoader.platformDefault(Map.of("APPDATA", "C:\\Users\\jana\\AppData\\Roaming")::get, "Windows 11", "C:\\Users\\jana"));
    }

    @Test
    void locateAndLoadOrder() throws Exception {
        Path explicit = write("vendor: epbx\nepbx: {serviceBase: http://x/Service/}\n");
        Path viaEnv = dir.resolve("env.yml");
        Files.writeString(viaEnv, "vendor: ucs\nucs: {api: {hostname: h}}\n");
        Path xdg = dir.resolve("xdg");
        Files.createDirectories(xdg.resolve("unibar"));
        Files.writeString(xdg.resolve("unibar/config.yml"), "demo: {vendor: max}\n");

        Map<String, String> all = Map.of("UNIBAR_CONFIG", viaEnv.toString(), "XDG_CONFIG_HOME", xdg.toString());
        assertEquals("epbx", Vendors.configLoader(all::get).locateAndLoad(explicit, "Linux", "/nowhere").vendor());
        assertEquals("ucs", Vendors.configLoader(all::get).locateAndLoad(null, "Linux", "/nowhere").vendor());
        UnibarConfig fromXdg = Vendors.configLoader(Map.of("XDG_CONFIG_HOME", xdg.toString())::get)
                .locateAndLoad(null, "Linux", "/nowhere");
        assertEquals("max", fromXdg.effectiveVendor());
        assertTrue(fromXdg.demo());
        UnibarConfig none = Vendors.configLoader(NO_ENV).locateAndLoad(null, "Linux", dir.resolve("empty-home").toString());
        assertNull(none.source());
        assertEquals(UnibarConfig.demoConfig(), none);

        Path missing = dir.resolve("missing.yml");
        ConfigException e = assertThrows(ConfigException.class, () -> Vendors.configLoader(
                Map.of("UNIBAR_CONFIG", missing.toString())::get).locateAndLoad(null, "Linux", "/nowhere"));
        assertEquals(missing + ": file not found", e.getMessage());
    }
}
