package dev.unibar.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Values as a flow file writes them: texts plain where YAML reads them back as the same text, else in double
 * quotes; maps and lists in flow style ({@code {type: call.held, callId: $call}}). Every value a flow compares is
 * text, so numbers and yes/no words are quoted: YAML would read them as something else.
 */
final class YamlText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_.$\\-]*");
    private static final Set<String> WORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private YamlText() {
    }

    static String value(Object v) {
        if (v == null) return "~";
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> text(String.valueOf(e.getKey())) + ": " + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) return l.stream().map(YamlText::value).collect(Collectors.joining(", ", "[", "]"));
        return text(String.valueOf(v));
    }

    static String text(String s) {
        if (PLAIN.matcher(s).matches() && !WORDS.contains(s.toLowerCase(Locale.ROOT))) return s;
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A comment line's text: one line, nothing that would end it early. */
    static String comment(String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
