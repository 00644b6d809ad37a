package dev.unibar.connectors.evolux.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A call the simulated platform offers to the agent's softphone; {@link #payload} renders it per variant. */
final class SimCall {

    final String id = UUID.randomUUID().toString();
    final String uuid = UUID.randomUUID().toString();
    final String recordingUuid = UUID.randomUUID().toString();
    final String direction;
    final Map<String, Object> from;
    final Map<String, Object> to;
    final Map<String, Object> extra = new LinkedHashMap<>();
    Map<String, Object> queue;
    Map<String, Object> campaign;
    Map<String, Object> subscriber;
    final Variant variant;
    final Instant start;
    Instant answer;
    Instant end;
    String hangupCause;
    /** Accepted by the agent (a dialer call has an answer time before that). */
    boolean answered;

    SimCall(String direction, Map<String, Object> from, Map<String, Object> to, Variant variant, Instant start) {
        this.direction = direction;
        this.from = from;
        this.to = to;
        this.variant = variant;
        this.start = start;
    }

    static Map<String, Object> party(String name, String number) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("number", number);
        return m;
    }

    /** The call payload in the key order of the seed's examples. */
    Map<String, Object> payload(SimAgent agent) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("uuid", uuid);
        if (variant == Variant.NEWER) p.put("recordingUUID", recordingUuid);
        p.put("originationLegUuid", uuid);
        p.put("direction", direction);
        p.put("hangupCause", hangupCause);
        p.put("startTime", SimTimes.callTime(start));
        p.put("answerTime", answer == null ? null : SimTimes.callTime(answer));
        p.put("endTime", end == null ? null : SimTimes.callTime(end));
        p.put("from", from);
        p.put("to", to);
        p.put("agent", SimTimes.agent(agent, variant, false));
        p.put("extra", extra);
        if (queue != null) p.put("queue", queue);
        if (campaign != null) p.put("campaign", campaign);
        if (subscriber != null) p.put("subscriber", subscriber);
        return p;
    }
}
