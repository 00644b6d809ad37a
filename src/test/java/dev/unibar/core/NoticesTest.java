package dev.unibar.core;

import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.testkit.BundleFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notice bundles: every language has every key with its placeholders, and notices render in each. */
class NoticesTest {

    static Properties load(String suffix) {
        return BundleFiles.load("/dev/unibar/core/notices", suffix);
    }

    @Test
    void everyLanguageHasEveryKeyWithItsPlaceholders() {
        BundleFiles.assertEveryLanguageHasEveryKey("/dev/unibar/core/notices");
    }

    @Test
    void aKeyedNoticeCarriesEnglishForTheContractAndRendersInTheAgentsLanguage() throws IOException {
        Properties en = load("");
        Properties cs = load("_cs");
        String key = en.stringPropertyNames().stream().filter(k -> !en.getProperty(k).equals(cs.getProperty(k)))
                .findFirst().orElseThrow(() -> new AssertionError("no translated notice yet"));
        Event.Notice n = Event.Notice.keyed("ucs", null, NoticeLevel.INFO, key, "A1", "B2", "C3");
        assertEquals(new MessageFormat(en.getProperty(key), Locale.ROOT).format(new Object[]{"A1", "B2", "C3"}), n.message());
        String czech = Notices.text(n, Locale.forLanguageTag("cs"));
        assertNotEquals(n.message(), czech);
        assertEquals(new MessageFormat(cs.getProperty(key), Locale.forLanguageTag("cs")).format(new Object[]{"A1", "B2", "C3"}), czech);
    }

    @Test
    void aNoticeWithoutKeyKeepsTheVendorsText() {
        Event.Notice n = new Event.Notice("max", null, NoticeLevel.WARNING, "Texto do fornecedor");
        assertEquals("Texto do fornecedor", Notices.text(n, Locale.forLanguageTag("fr")));
    }

    @Test
    void aRefusalIsEnglishInItsMessageAndKeepsItsKey() throws IOException {
        Properties en = load("");
        String key = en.stringPropertyNames().iterator().next();
        Notices.Refusal r = new Notices.Refusal(key, 7);
        assertEquals(key, r.key());
        assertEquals(List.of("7"), r.args());
        assertTrue(Notices.has(key));
        assertFalse(r.getMessage().contains("{0}"), r.getMessage());
    }
}
