package dev.unibar.connectors.agentdesktop.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One contact as AgentDesktop describes it to a widget: the fields of the seed's contact print-out
 * ({@code id, uuid, chat_id, type, media_type, content_type, content_description, job_type,
 * job_state, ani, dnis, queue, reason}) plus {@code CallData} as {@code [{name, value}]}.
 */
final class AdContact {

    final String id;
    final String uuid;
    String chatId = "";
    String type;
    String mediaType = "telephony";
    String contentType = "";
    String jobType;
    String jobState = "";
    String ani;
    String dnis;
    String queue = "";
    String reason = "";
    final Map<String, String> callData = new LinkedHashMap<>();

    /** Simulator bookkeeping, never sent. */
    boolean held;
    boolean online = true;
    boolean established;
    /** The held contact this one consults for (a consultation leg), or null. */
    String consultFor;

    AdContact(String id, String uuid) {
        this.id = id;
        this.uuid = uuid;
    }

    boolean telephony() {
        return "telephony".equalsIgnoreCase(mediaType);
    }

    /** The callback's data object for {@code event}, field order as in the seed. */
    Map<String, Object> payload(String event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("id", id);
        m.put("uuid", uuid);
        m.put("chat_id", chatId);
        m.put("type", type);
        m.put("media_type", mediaType);
        m.put("content_type", contentType);
        m.put("content_description", "");
        m.put("job_type", jobType);
        m.put("job_state", jobState);
        m.put("ani", ani);
        m.put("dnis", dnis);
        m.put("queue", queue);
        m.put("reason", reason);
        if (!callData.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            callData.forEach((k, v) -> list.add(Map.of("name", k, "value", v)));
            m.put("CallData", list);
        }
        return m;
    }

    /** Parses the SDK's {@code "A=1;B=2"} call-data string into this contact. */
    void putCallData(String s) {
        if (s == null) return;
        for (String part : s.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) callData.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
    }
}
