package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;

import java.util.Iterator;
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

    /** A session error: UCS's own text as it wrote it; only its absence is ours to say (keyed). */
    static Event sessionError(JsonNode message, String code, String fallbackKey) {
        String text = messageOr(message, null);
        return text == null ? Event.SessionError.keyed(VENDOR, null, code, fallbackKey)
                : new Event.SessionError(VENDOR, null, text, code);
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
        if (text == null) text = Payloads.text(m, "group") != null ? Payloads.text(m, "group") : "";
        return notice(level, fill(text, m.get("data")));
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
