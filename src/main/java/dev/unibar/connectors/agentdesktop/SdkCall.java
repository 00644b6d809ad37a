package dev.unibar.connectors.agentdesktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configurable SDK call, written as in the vendor's documentation:
 * {@code CONTACT.Transfer_Direct(contactId, destination, resourceType, callData)}. Arguments are
 * placeholder names filled from the command, or quoted literals ({@code 'x'}). Trailing arguments with
 * no value are left out, as the SDK's optional parameters are.
 */
public record SdkCall(String namespace, String name, List<String> params) {

    /** The placeholders a call may use. */
    public static final List<String> PLACEHOLDERS = List.of("contactId", "heldContactId", "consultContactId",
            "destination", "number", "resourceType", "serviceId", "callProfileId", "callData", "code", "message");

    private static final Pattern FORM = Pattern.compile(
            "\\s*(TAB|ALERT|WIDGET|CONTACT|AGENT|CHAT|UI)\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^()]*)\\)\\s*");
    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    public SdkCall {
        params = List.copyOf(params);
    }

    /** @throws IllegalArgumentException with a sentence a config error can show */
    public static SdkCall parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an SDK call like CONTACT.Hold(contactId): " + text);
        }
        List<String> params = new ArrayList<>();
        String inside = m.group(3).trim();
        if (!inside.isEmpty()) {
            for (String p : inside.split(",")) {
                String t = p.trim();
                if (!PLACEHOLDERS.contains(t) && !LITERAL.matcher(t).matches()) {
                    throw new IllegalArgumentException("unknown argument \"" + t + "\" in " + text + " (known: "
                            + String.join(", ", PLACEHOLDERS) + ", or a 'quoted' literal)");
                }
                params.add(t);
            }
        }
        return new SdkCall(m.group(1), m.group(2), params);
    }

    /** The argument values, from the placeholders' values; trailing absent ones dropped, inner ones null. */
    public List<Object> args(Map<String, String> values) {
        List<Object> out = new ArrayList<>();
        for (String p : params) {
            Matcher lit = LITERAL.matcher(p);
            out.add(lit.matches() ? lit.group(1) : values.get(p));
        }
        while (!out.isEmpty() && (out.get(out.size() - 1) == null || "".equals(out.get(out.size() - 1)))) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    @Override
    public String toString() {
        return namespace + "." + name + "(" + String.join(", ", params) + ")";
    }
}
