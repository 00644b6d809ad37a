package dev.unibar.core;

import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notice bundles: every language has every key with its placeholders, and notices render in each. */
class NoticesTest {

    static final List<String> SUFFIXES = List.of("", "_pt_BR", "_it", "_cs", "_fr");

    static Properties load(String suffix) throws IOException {
        try (InputStream in = NoticesTest.class.getResourceAsStream("/dev/unibar/core/notices" + suffix + ".properties")) {
            assertNotNull(in, "bundle notices" + suffix);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyLanguageHasEveryKeyWithItsPlaceholders() throws IOException {
        Properties en = load("");
        for (String s : SUFFIXES) {
            Properties p = load(s);
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(p.stringPropertyNames()), "keys of notices" + s);
            for (String k : en.stringPropertyNames()) {
                assertFalse(p.getProperty(k).isBlank(), s + " " + k);
                assertEquals(new MessageFormat(en.getProperty(k)).getFormats().length,
                        new MessageFormat(p.getProperty(k)).getFormats().length, s + " " + k);
            }
        }
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
