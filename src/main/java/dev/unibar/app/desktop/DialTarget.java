package dev.unibar.app.desktop;

import dev.unibar.core.Printable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number to dial in what a link or a command line gives: {@code tel:+420 601 123 456} (RFC 3966, visual
 * separators dropped), {@code callto:} / {@code callto://}, {@code sip:} / {@code sips:} (the user part:
 * {@code sip:1001@pbx.example.com;transport=tcp} dials 1001) or a bare number. Anything else is refused, and
 * said: a link from a web page must not put arbitrary text into the vendor's dial command, and nothing after
 * the number may be dropped without a word ({@code 555;rm -rf /tmp/x} dialled 555, issue 22).
 *
 * <p>Of a {@code tel:} link's parameters only {@code phone-context} is ignored (it names where a local number
 * is valid; the agent's own switch is that place). An extension ({@code ;ext=99}) is refused with a sentence
 * that says so: a vendor takes it as tones only once the call is answered, which the agent does on the tones
 * keypad, so Unibar does not dial a different number than the link names.
 */
public final class DialTarget {

    static final int MAX_LENGTH = 40;
    private static final Pattern SEPARATORS = Pattern.compile("[ \\-.()\\u00a0/]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9*#]{1," + MAX_LENGTH + "}");
    /** SIP user parts are often extensions or names ("1001", "support"): letters are allowed there. */
    private static final Pattern SIP_USER = Pattern.compile("\\+?[A-Za-z0-9*#_]{1," + MAX_LENGTH + "}");

    private DialTarget() {
    }

    /** A number to dial, or why the argument is not one (its text escaped and cut for a terminal). */
    public record Checked(String number, String problem) {
        public Optional<String> toOptional() {
            return Optional.ofNullable(number);
        }
    }

    /** True when {@code arg} is a link Unibar dials ({@code tel:}, {@code callto:}, {@code sip:}, {@code sips:}). */
    public static boolean isLink(String arg) {
        String s = arg == null ? "" : arg.toLowerCase(Locale.ROOT);
        return s.startsWith("tel:") || s.startsWith("callto:") || s.startsWith("sip:") || s.startsWith("sips:");
    }

    /** The number, or empty when {@code input} is not one. */
    public static Optional<String> parse(String input) {
        return check(input).toOptional();
    }

    /** The number, or a sentence for the terminal that says what is wrong with {@code input}. */
    public static Checked check(String input) {
        if (input == null) return refused("", "not a number to dial");
        String s = input.strip();
        if (s.length() > 512) return refused(input, "not a number to dial (too long)");
        String lower = s.toLowerCase(Locale.ROOT);
        boolean sip = false;
        boolean tel = false;
        if (lower.startsWith("tel:")) {
            s = s.substring(4);
            tel = true;
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
        if (sip) {
            // What follows the user part (host, URI parameters, headers) says where, not what, to dial.
            int at = s.indexOf('@');
            if (at >= 0) s = s.substring(0, at);
        } else if (tel) {
            int semi = s.indexOf(';');
            if (semi >= 0) {
                String problem = telParameters(s.substring(semi + 1));
                if (problem != null) return refused(input, problem);
                s = s.substring(0, semi);
            }
        }
        if (!sip && (s.indexOf(';') >= 0 || s.indexOf('?') >= 0)) {
            return refused(input, "not a number to dial (nothing may follow the number)");
        }
        try {
            s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refused(input, "not a number to dial");
        }
        if (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        s = SEPARATORS.matcher(s).replaceAll("");
        return (sip ? SIP_USER : PHONE).matcher(s).matches() ? new Checked(s, null) : refused(input, "not a number to dial");
    }

    /** Null when the {@code tel:} parameters change nothing Unibar would dial, else why they are refused. */
    private static String telParameters(String params) {
        for (String p : params.split(";", -1)) {
            String name = (p.indexOf('=') < 0 ? p : p.substring(0, p.indexOf('='))).strip().toLowerCase(Locale.ROOT);
            if (name.equals("phone-context")) continue;
            if (name.equals("ext")) {
                return "the link has an extension, which Unibar does not dial: dial the number, then key the"
                        + " extension on the tones keypad once the call is answered";
            }
            return "the link has a parameter Unibar does not dial (;" + Printable.of(name) + ")";
        }
        return null;
    }

    private static Checked refused(String input, String why) {
        return new Checked(null, why + ": \"" + Printable.of(input) + "\"");
    }
}
