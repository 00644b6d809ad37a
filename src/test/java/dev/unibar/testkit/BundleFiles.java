package dev.unibar.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Unibar's five languages, and the checks every bundle of translated text must pass. */
public final class BundleFiles {

    public static final List<String> SUFFIXES = List.of("", "_pt_BR", "_it", "_cs", "_fr");

    private BundleFiles() {
    }

    /** {@code base} is the resource path without suffix, as {@code "/dev/unibar/core/notices"}. */
    public static Properties load(String base, String suffix) {
        try (InputStream in = BundleFiles.class.getResourceAsStream(base + suffix + ".properties")) {
            assertNotNull(in, base + suffix);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every language has exactly the English keys, none empty, each with the English placeholders. */
    public static void assertEveryLanguageHasEveryKey(String base) {
        Properties en = load(base, "");
        for (String s : SUFFIXES) {
            Properties p = load(base, s);
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(p.stringPropertyNames()), "keys of " + base + s);
            for (String k : en.stringPropertyNames()) {
                assertFalse(p.getProperty(k).isBlank(), s + " " + k);
                assertEquals(new MessageFormat(en.getProperty(k)).getFormatsByArgumentIndex().length,
                        new MessageFormat(p.getProperty(k)).getFormatsByArgumentIndex().length, s + " " + k);
            }
        }
    }
}
