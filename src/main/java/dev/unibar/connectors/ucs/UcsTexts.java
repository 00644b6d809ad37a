package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.unibar.connectors.ucs.UcsMapper.VENDOR;

/**
 * What UCS tells the agent (onError, onWarning, onInfo, onMessage, its session errors): UCS's own text as it wrote
 * it, in the operator's language; only what UCS leaves unsaid is worded by Unibar (keyed notices).
 */
final class UcsTexts {

    private UcsTexts() {
    }

    private static Event notice(NoticeLevel level, String message) {
        return new Event.Notice(VENDOR, null, level, message);
    }

    static Event keyed(NoticeLevel level, String key, Object... args) {
        return Event.Notice.keyed(VENDOR, null, level, key, args);
    }

    /**
     * UCS's texts Unibar knows, lower-cased: the seed's examples of a login error ("invalid credentials", onLoginError)
     * and of a notification under the sign-in form ("Špatné heslo", notify). The agent reads our sentence in the bar's
     * language, UCS's words as its detail.
     */
    private static final Map<String, String> KNOWN = Map.of(
            "invalid credentials", "vendor.wrongPassword",
            "špatné heslo", "vendor.wrongPassword");

    /** Message groups (onMessage {@code group}) Unibar words itself; the key's arguments are the message's values. */
    private static final Map<String, String> GROUPS = Map.of("accountCode", "ucs.accountCodeSet");

    /** A session error: UCS's own text as it wrote it (keyed when Unibar knows it); only its absence is ours to say. */
    static Event sessionError(JsonNode message, String code, String fallbackKey) {
        String text = messageOr(message, null);
        if (text == null) return Event.SessionError.keyed(VENDOR, null, code, fallbackKey);
        String key = KNOWN.get(text.strip().toLowerCase(java.util.Locale.ROOT));
        return key == null ? new Event.SessionError(VENDOR, null, text, code)
                : Event.SessionError.known(VENDOR, null, code, text, key);
    }

    /** UCS's own text as it wrote it (in the operator's language); only its absence is ours to say. */
    static Event vendorText(NoticeLevel level, JsonNode message, String fallbackKey) {
        String text = messageOr(message, null);
        return text == null || text.isEmpty() ? keyed(level, fallbackKey) : notice(level, text);
    }

    static Event message(JsonNode m) throws MalformedCaptureException {
        if (m == null || m.isNull()) throw new MalformedCaptureException("onMessage without a message");
        if (!m.isObject()) return notice(NoticeLevel.INFO, messageOr(m, ""));
        String type = Payloads.text(m, "type");
        NoticeLevel level = NoticeLevel.INFO;
        if ("warning".equalsIgnoreCase(type)) level = NoticeLevel.WARNING;
        else if ("error".equalsIgnoreCase(type)) level = NoticeLevel.ERROR;
        String text = Payloads.text(m, "message");
        String group = Payloads.text(m, "group");
        if (text == null) text = group != null ? group : "";
        String said = fill(text, m.get("data"));
        String key = group == null ? null : GROUPS.get(group);
        if (key != null) return Event.Notice.known(VENDOR, null, level, said, key, values(m.get("data")).toArray());
        return notice(level, said);
    }

    /** The template values of a message's data, in their order (data.values, or data itself). */
    private static List<String> values(JsonNode data) {
        List<String> out = new ArrayList<>();
        if (data == null || !data.isObject()) return out;
        JsonNode values = data.get("values") != null && data.get("values").isObject() ? data.get("values") : data;
        values.fields().forEachRemaining(en -> {
            String v = Payloads.scalar(en.getValue());
            if (v != null) out.add(v);
        });
        return out;
    }

    /**
     * UCS messages are templates ("Chybný identifikátor: {identificator}") whose values travel in
     * data.values (the shape of ucsOperator.notify's "other"), or directly in data.
     */
    private static String fill(String text, JsonNode data) {
        if (data == null || !data.isObject() || text.indexOf('{') < 0) return text;
        JsonNode values = data.get("values") != null && data.get("values").isObject() ? data.get("values") : data;
        String out = text;
        Iterator<Map.Entry<String, JsonNode>> it = values.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> en = it.next();
            String v = Payloads.scalar(en.getValue());
            if (v != null) out = out.replace("{" + en.getKey() + "}", v);
        }
        return out;
    }

    private static String messageOr(JsonNode v, String fallback) {
        if (v == null || v.isNull()) return fallback;
        if (v.isContainerNode()) {
            String m = Payloads.text(v, "message");
            return m != null ? m : v.toString();
        }
        String s = Payloads.scalar(v);
        return s != null ? s : fallback;
    }
}
