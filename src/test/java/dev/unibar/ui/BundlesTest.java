package dev.unibar.ui;

import dev.unibar.testkit.BundleFiles;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every language has every key, real text and the same placeholders. */
class BundlesTest {

    private static final List<String> SUFFIXES = BundleFiles.SUFFIXES;

    static Properties load(String suffix) {
        return BundleFiles.load("/dev/unibar/ui/messages", suffix);
    }

    @Test
    void everyBundleHasExactlyTheEnglishKeys() {
        TreeSet<String> english = new TreeSet<>(load("").stringPropertyNames());
        assertTrue(english.size() > 50, "the English bundle is loaded: " + english.size());
        for (String s : SUFFIXES) {
            assertEquals(english, new TreeSet<>(load(s).stringPropertyNames()), "keys of messages" + s);
        }
    }

    @Test
    void translationsAreRealAndKeepTheirPlaceholders() {
        Properties en = load("");
        for (String s : SUFFIXES.subList(1, SUFFIXES.size())) {
            Properties p = load(s);
            int differ = 0;
            for (String k : en.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertFalse(v.isBlank(), s + " " + k + " is empty");
                if (!v.equals(en.getProperty(k))) differ++;
                String ev = en.getProperty(k);
                if (ev.contains("{0}")) {
                    // Same number of arguments, and a valid pattern (apostrophes doubled).
                    assertEquals(new MessageFormat(ev).getFormats().length, new MessageFormat(v).getFormats().length,
                            s + " " + k);
                    assertFalse(new MessageFormat(v).format(new Object[]{"a", "b", "c"}).contains("{"), s + " " + k);
                }
            }
            assertTrue(differ > en.size() * 3 / 4, s + " translates only " + differ + " of " + en.size());
        }
    }

    @Test
    void theConfiguredLanguageIsChosenAndUnknownOnesFallBackToEnglish() {
        assertEquals("Atender", Messages.forLanguage("pt-BR").get("button.answer"));
        assertEquals("Přijmout", Messages.forLanguage("cs").get("button.answer"));
        assertEquals("Rispondi", Messages.forLanguage("it").get("button.answer"));
        assertEquals("Répondre", Messages.forLanguage("fr").get("button.answer"));
        assertEquals("Answer", Messages.forLanguage("de").get("button.answer"));
        // The test JVM runs with en_US (surefire), so no language means English here.
        assertEquals("Answer", Messages.forLanguage(null).get("button.answer"));
    }
}
