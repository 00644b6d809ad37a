package dev.unibar.ui;

import dev.unibar.config.ConfigException;
import dev.unibar.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration accepts exactly the languages the bar has texts for. */
class LanguagesTest {

    private static ConfigLoader loader() {
        return new ConfigLoader(n -> null, List.of("ucs"), Map.of());
    }

    @Test
    void theConfigurationKnowsTheBundlesLanguages() {
        assertEquals(Messages.LANGUAGES, ConfigLoader.LANGUAGES);
    }

    @Test
    void anUnknownLanguageIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.yml");
        Files.writeString(f, "demo: {}\nlanguage: klingon\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load(f));
        assertTrue(e.getMessage().contains(":2: language: unknown language \"klingon\"; expected one of en, pt-BR, it, cs, fr"),
                e.getMessage());
    }

    @Test
    void knownLanguagesInAnyCaseAreAccepted(@TempDir Path dir) throws Exception {
        for (String tag : new String[]{"cs", "pt-br", "pt-BR", "fr"}) {
            Path f = dir.resolve("c-" + tag + ".yml");
            Files.writeString(f, "language: " + tag + "\n");
            assertEquals(tag, loader().load(f).language());
        }
    }
}
