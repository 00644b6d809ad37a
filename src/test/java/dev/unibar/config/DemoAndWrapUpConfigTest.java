package dev.unibar.config;

import dev.unibar.app.Vendors;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** demo.autoCalls (the simulator's own calls) and wrapUp.codes (one-click account codes). */
class DemoAndWrapUpConfigTest {

    private static UnibarConfig load(String yaml) throws ConfigException {
        return Vendors.configLoader(Map.<String, String>of()::get).parse(yaml, "config.yml", Path.of("config.yml"));
    }

    @Test
    void demoCallsAreOnUnlessTheDemoSectionTurnsThemOff() throws Exception {
        assertTrue(load("demo:\n  vendor: ucs\n").demoCalls());
        assertTrue(load("# empty\nlanguage: en\n").demoCalls());
        assertTrue(UnibarConfig.demoConfig().demoCalls());
        UnibarConfig off = load("demo:\n  vendor: ucs\n  autoCalls: false\n");
        assertFalse(off.demoCalls());
        assertTrue(off.demo());
        ConfigException e = assertThrows(ConfigException.class, () -> load("demo:\n  autoCalls: sometimes\n"));
        assertEquals("config.yml:2: demo.autoCalls: expected true or false, got \"sometimes\"", e.getMessage());
    }

    @Test
    void wrapUpCodesAreAListOfTexts() throws Exception {
        assertEquals(List.of(), load("language: en\n").features().wrapUp().codes());
        assertEquals(List.of("Sale", "No sale", "Call back"),
                load("wrapUp:\n  codes: [Sale, No sale, \"Call back\"]\n").features().wrapUp().codes());
        assertThrows(ConfigException.class, () -> load("wrapUp:\n  codes: Sale\n"));
        assertThrows(ConfigException.class, () -> load("wrapUp:\n  codes: [\"\"]\n"));
        assertThrows(ConfigException.class, () -> load("wrapUp:\n  code: [Sale]\n"));
    }
}
