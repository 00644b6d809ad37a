package dev.unibar.config;

import dev.unibar.app.Vendors;
import dev.unibar.connectors.ucs.UcsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine-wide file under the user's, with the keys IT locked. */
class ConfigLayersTest {

    private static final String SYSTEM = String.join("\n",
            "vendor: ucs",
            "language: pt-BR",
            "ucs:",
            "  api:",
            "    hostname: ucs.corp.example",
            "    port: 8443",
            "locked:",
            "  - vendor",
            "  - ucs.api",
            "");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private UnibarConfig load(Path system, Path user) throws ConfigException {
        return new ConfigLayers(Vendors.configLoader(k -> null), k -> null).load(system, user);
    }

    @Test
    void theUsersFileOverridesWhatIsNotLockedAndLockedKeysKeepTheSystemValue() throws Exception {
        Path sys = file("system.yml", SYSTEM);
        Path user = file("user.yml", String.join("\n",
                "vendor: epbx",
                "language: cs",
                "ucs:",
                "  api:",
                "    hostname: elsewhere.example",
                "  trustedOrigins: [https://crm.corp.example]",
                ""));
        UnibarConfig c = load(sys, user);
        assertEquals("ucs", c.vendor(), "vendor is locked");
        assertEquals("cs", c.language(), "language is not locked: the user's wins");
        UcsConfig ucs = c.section("ucs", UcsConfig.class);
        assertEquals("ucs.corp.example", ucs.apiHostname(), "ucs.api is locked");
        assertEquals(8443, ucs.apiPort());
        assertEquals(List.of("https://crm.corp.example"), ucs.trustedOrigins(), "a sibling of a locked key merges");
        assertEquals(user, c.source());
    }

    @Test
    void theSystemFileAloneConfiguresTheBar() throws Exception {
        UnibarConfig c = load(file("system.yml", SYSTEM), null);
        assertEquals("ucs", c.vendor());
        assertEquals("pt-BR", c.language());
        assertEquals(dir.resolve("system.yml"), c.source());
    }

    @Test
    void withoutASystemFileNothingChanges() throws Exception {
        assertTrue(load(dir.resolve("absent.yml"), null).demo());
        assertEquals("epbx", load(dir.resolve("absent.yml"), file("user.yml", "demo:\n  vendor: epbx\n")).effectiveVendor());
    }

    @Test
    void errorsNameTheFileAndLineThatHoldTheKey() throws Exception {
        Path sys = file("system.yml", "vendor: ucs\nucs:\n  api:\n    hostnme: x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(sys, file("user.yml", "language: cs\n")));
        assertEquals(sys.toString(), e.file());
        assertEquals(4, e.line());
        assertEquals("ucs.api.hostnme", e.key());

        Path sys2 = file("system2.yml", "vendor: ucs\nucs:\n  api:\n    hostname: h\n");
        Path user = file("user2.yml", "language: cs\nucs:\n  scrpt: x\n");
        e = assertThrows(ConfigException.class, () -> load(sys2, user));
        assertEquals(user.toString(), e.file());
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("script"), "did-you-mean still works: " + e.problem());
    }

    /** Both layers are read as the loader reads any file: strict UTF-8, the size limit, the YAML budget. */
    @Test
    void eachLayerIsReadWithinTheLoadersLimitsAndNamesItsFile() throws Exception {
        Path sys = file("system.yml", SYSTEM);
        Path user = dir.resolve("user.yml");
        Files.write(user, new byte[] {'l', 'a', 'n', 'g', 'u', 'a', 'g', 'e', ':', ' ', 'c', 's', '\n', 'x', ':', ' ', (byte) 0xC3, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> load(sys, user));
        assertEquals(user.toString(), e.file());
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("not UTF-8 (byte 0xC3"), e.problem());

        Path big = file("big.yml", "# " + "x".repeat(ConfigLoader.MAX_BYTES) + "\n");
        e = assertThrows(ConfigException.class, () -> load(big, null));
        assertEquals(big.toString(), e.file());
        assertTrue(e.problem().startsWith("file is larger than"), e.problem());

        StringBuilder deep = new StringBuilder("vendor: ucs\nucs:\n");
        for (int i = 0; i < ConfigLoader.MAX_DEPTH + 5; i++) deep.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        Path deepUser = file("deep.yml", deep.toString());
        e = assertThrows(ConfigException.class, () -> load(sys, deepUser));
        assertEquals(deepUser.toString(), e.file());
        assertTrue(e.problem().startsWith("nested deeper than"), e.problem());
    }

    @Test
    void onlyTheSystemFileMayLock() throws Exception {
        Path sys = file("system.yml", "language: en\nlocked: vendor\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(sys, null));
        assertEquals("locked", e.key());
        assertEquals(2, e.line());

        Path okSys = file("ok.yml", "language: en\n");
        Path user = file("user.yml", "locked: [language]\n");
        e = assertThrows(ConfigException.class, () -> load(okSys, user));
        assertEquals(user.toString(), e.file());
        assertEquals("locked", e.key());
    }

    @Test
    void locateAndLoadLaysTheUsersDefaultFileOverTheSystemFile() throws Exception {
        Path sys = file("system.yml", SYSTEM);
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".config/unibar"));
        Files.writeString(home.resolve(".config/unibar/config.yml"), "language: it\nvendor: epbx\n");
        Map<String, String> env = Map.of(ConfigLayers.ENV_SYSTEM_CONFIG, sys.toString());
        UnibarConfig c = Vendors.configLoader(env::get).locateAndLoad(null, "Linux", home.toString());
        assertEquals("ucs", c.vendor());
        assertEquals("it", c.language());
        assertNull(Vendors.configLoader(k -> null).locateAndLoad(null, "Linux", dir.resolve("nohome").toString()).vendor(),
                "no files at all: demo mode");
    }

    @Test
    void eachPlatformHasItsSystemFile() {
        assertEquals(Path.of("/etc/unibar/config.yml"), ConfigLayers.systemFile(k -> null, "Linux"));
        assertEquals(Path.of("/Library/Application Support/Unibar/config.yml"), ConfigLayers.systemFile(k -> null, "Mac OS X"));
        assertTrue(ConfigLayers.systemFile(Map.of("PROGRAMDATA", "D:\\PD")::get, "Windows 11").toString().contains("Unibar"));
    }
}
