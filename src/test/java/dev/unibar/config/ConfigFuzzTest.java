package dev.unibar.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.unibar.app.Vendors;

/**
 * The config loader on any bytes: a {@link ConfigException} (with its file and line) or a config,
 * never another exception, never a stack overflow or an out-of-memory (issue 13, finding 5).
 */
class ConfigFuzzTest {

    private static final ConfigLoader LOADER = Vendors.configLoader(name -> name.equals("UNIBAR_FUZZ") ? "x" : null);

    @FuzzTest(maxDuration = "30s")
    void anyFileLoadsOrFailsWithItsLine(byte[] input) {
        try {
            String text = Utf8Text.decode("fuzz.yml", input);
            LOADER.parse(text, "fuzz.yml", null);
        } catch (ConfigException expected) {
            if (!expected.getMessage().startsWith("fuzz.yml")) throw new IllegalStateException(expected.getMessage());
        }
    }
}
