package dev.unibar.core;

/**
 * Vendor text made safe for a terminal or a log line, in one place: {@code translate}'s stderr (through
 * {@code StrictJson.printable}) and the session's log both use it, so a vendor cannot move a cursor, clear
 * a screen, forge a log line or flood the log through either.
 */
public final class Printable {

    /** How much of a bad line or reason stderr and logs ever show. */
    public static final int MAX_SHOWN = 200;

    private Printable() {
    }

    /**
     * Control characters, C1 codes and bidirectional overrides escaped as {@code \\uXXXX}, cut to
     * {@link #MAX_SHOWN} characters with the original length noted.
     */
    public static String of(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 16);
        for (int i = 0; i < s.length(); i++) {
            if (b.length() >= MAX_SHOWN) {
                b.append("... (").append(s.length()).append(" chars)");
                break;
            }
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
