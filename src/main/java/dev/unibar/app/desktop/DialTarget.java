package dev.unibar.app.desktop;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number to dial in what a link or a command line gives: {@code tel:+420 601 123 456} (RFC 3966,
 * visual separators and parameters dropped), {@code callto:} / {@code callto://}, {@code sip:} /
 * {@code sips:} (the user part: {@code sip:1001@pbx.example.com} dials 1001) or a bare number. Anything
 * else is refused: a link from a web page must not put arbitrary text into the vendor's dial command.
 */
public final class DialTarget {

    static final int MAX_LENGTH = 40;
    private static final Pattern SEPARATORS = Pattern.compile("[ \\-.()\\u00a0/]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9*#]{1," + MAX_LENGTH + "}");
    /** SIP user parts are often extensions or names ("1001", "support"): letters are allowed there. */
    private static final Pattern SIP_USER = Pattern.compile("\\+?[A-Za-z0-9*#_]{1," + MAX_LENGTH + "}");

    private DialTarget() {
    }

    /** True when {@code arg} is a link Unibar dials ({@code tel:}, {@code callto:}, {@code sip:}, {@code sips:}). */
    public static boolean isLink(String arg) {
        String s = arg == null ? "" : arg.toLowerCase(Locale.ROOT);
        return s.startsWith("tel:") || s.startsWith("callto:") || s.startsWith("sip:") || s.startsWith("sips:");
    }

    /** The number, or empty when {@code input} is not one. */
    public static Optional<String> parse(String input) {
        if (input == null) return Optional.empty();
        String s = input.strip();
        if (s.length() > 512) return Optional.empty();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean sip = false;
        if (lower.startsWith("tel:")) {
            s = s.substring(4);
        } else if (lower.startsWith("callto:")) {
            s = s.substring(7);
            if (s.startsWith("//")) s = s.substring(2);
        } else if (lower.startsWith("sips:")) {
            s = s.substring(5);
            sip = true;
        } else if (lower.startsWith("sip:")) {
            s = s.substring(4);
            sip = true;
        }
        s = cut(s, '?');
        s = cut(s, ';');
        if (sip) s = cut(s, '@');
        try {
            s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        s = SEPARATORS.matcher(s).replaceAll("");
        return (sip ? SIP_USER : PHONE).matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    private static String cut(String s, char at) {
        int i = s.indexOf(at);
        return i < 0 ? s : s.substring(0, i);
    }
}
