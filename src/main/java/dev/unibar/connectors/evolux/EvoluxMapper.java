package dev.unibar.connectors.evolux;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.NamedEventMapper;
import dev.unibar.core.model.Agent;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evolux Phone postMessage data ({@code {eventName, payload}}) to normalized events; docs/vendors/evolux.md
 * has the table and the sources. Lenient about the version differences (numbers or strings, optional keys).
 */
public final class EvoluxMapper extends NamedEventMapper {

    public static final String VENDOR = "evolux";

    /**
     * softphoneCallEnded's {@code hangupCause} in the common vocabulary (decision 0055). Seed 000 shows only
     * "NORMAL CLEARING" (a plain end); the others are the Q.850 cause names it follows (assumed).
     */
    static final java.util.Map<String, dev.unibar.core.model.CallEnd> END_CAUSES = java.util.Map.of(
            "user_busy", dev.unibar.core.model.CallEnd.FAILED_BUSY,
            "no_answer", dev.unibar.core.model.CallEnd.FAILED_NO_ANSWER,
            "no_user_response", dev.unibar.core.model.CallEnd.FAILED_NO_ANSWER,
            "originator_cancel", dev.unibar.core.model.CallEnd.ABANDONED,
            "call_rejected", dev.unibar.core.model.CallEnd.REJECTED,
            "normal_temporary_failure", dev.unibar.core.model.CallEnd.FAILED_CONGESTION,
            "switch_congestion", dev.unibar.core.model.CallEnd.FAILED_CONGESTION,
            "unallocated_number", dev.unibar.core.model.CallEnd.FAILED);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public EvoluxMapper() {
        super(VENDOR, "eventName", "eventName missing or not a string");
    }

    @Override
    protected List<Event> map(String event, JsonNode line) throws MalformedCaptureException {
        JsonNode p = line.get("payload");
        if (p != null && !p.isNull() && !p.isObject()) throw new MalformedCaptureException("payload is not an object");
        return switch (event) {
            case "softphoneCallInvited" -> {
                Call c = call(p, event);
                yield List.of(new Event.CallRinging(VENDOR, null, c.id(), c));
            }
            case "softphoneCallAccepted" -> {
                Call c = call(p, event);
                yield List.of(new Event.CallConnected(VENDOR, EvoluxTimes.time(p, "answerTime"), c.id(), c));
            }
            case "softphoneCallEnded" -> List.of(new Event.CallEnded(VENDOR, EvoluxTimes.time(p, "endTime"),
                    callId(p, event), Payloads.text(p, "hangupCause")));
            case "agentStartPause", "agentChangePause" -> List.of(pause(p, event));
            case "agentStopPause" -> {
                JsonNode pause = pauseNode(p, event);
                yield List.of(new Event.AgentStateChanged(VENDOR, EvoluxTimes.time(pause, "timeEnd"),
                        AgentState.READY, null, null));
            }
            case "agentLogin" -> List.of(
                    new Event.AgentLoggedIn(VENDOR, null, agent(p)),
                    new Event.SessionReady(VENDOR, null),
                    new Event.AgentStateChanged(VENDOR, null, AgentState.READY, null, null));
            default -> List.of(new Event.VendorUnmapped(VENDOR, null, event));
        };
    }

    private static Event pause(JsonNode p, String event) throws MalformedCaptureException {
        JsonNode pause = pauseNode(p, event);
        return new Event.AgentStateChanged(VENDOR, EvoluxTimes.time(pause, "timeStart"), AgentState.NOT_READY,
                Payloads.text(pause, "reason"), Payloads.bool(pause, "productive"),
                EvoluxTimes.seconds(pause == null ? null : pause.get("maxDuration")));
    }

    private static JsonNode pauseNode(JsonNode p, String event) throws MalformedCaptureException {
        JsonNode pause = p == null ? null : p.get("pause");
        if (pause == null || !pause.isObject()) throw new MalformedCaptureException(event + " without a pause object");
        return pause;
    }

    private static Agent agent(JsonNode p) {
        JsonNode a = p == null ? null : p.get("agent");
        String id = Payloads.text(a, "id");
        if (id == null) id = Payloads.text(p, "agentId");
        return new Agent(id, Payloads.text(a, "name"), Payloads.text(a, "login"), Payloads.text(a, "extension"),
                Payloads.text(a, "email"));
    }

    /** The softphone call's {@code id}; older or partial payloads fall back to the channel uuids. */
    private static String callId(JsonNode p, String event) throws MalformedCaptureException {
        for (String k : new String[] {"id", "uuid", "originationLegUuid"}) {
            String v = Payloads.text(p, k);
            if (v != null && !v.isBlank()) return v;
        }
        throw new MalformedCaptureException(event + " without a call id (id, uuid, originationLegUuid)");
    }

    private static Call call(JsonNode p, String event) throws MalformedCaptureException {
        String id = callId(p, event);
        Map<String, String> data = Payloads.stringMap(p.get("extra"));
        String recording = Payloads.text(p, "recordingUUID");
        if (recording != null) data.put("recordingUUID", recording);
        return new Call(id, direction(Payloads.text(p, "direction")), party(p.get("from")), party(p.get("to")),
                queue(p.get("queue")), campaign(p.get("campaign")), customer(p), data, null);
    }

    private static Direction direction(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "inbound" -> Direction.INBOUND;
            case "outbound" -> Direction.OUTBOUND;
            default -> null;
        };
    }

    /** A UUID where a number should be is the softphone's own endpoint, not a number to show or dial. */
    private static Party party(JsonNode n) {
        String number = Payloads.text(n, "number");
        if (number != null && UUID.matcher(number.trim()).matches()) number = null;
        return Party.of(number, Payloads.text(n, "name"));
    }

    private static QueueRef queue(JsonNode q) {
        if (q == null || !q.isObject()) return null;
        String slug = Payloads.text(q, "slug");
        String number = Payloads.text(q, "number");
        return slug == null && number == null ? null : QueueRef.of(slug, slug, number);
    }

    private static Campaign campaign(JsonNode c) {
        if (c == null || !c.isObject()) return null;
        String id = Payloads.text(c, "id");
        String slug = Payloads.text(c, "slug");
        return id == null && slug == null ? null : Campaign.of(id, slug);
    }

    /** The dialer's subscriber; without the object, the dialer's own extra fields (older payloads). */
    private static Customer customer(JsonNode p) {
        JsonNode s = p.get("subscriber");
        if (s != null && s.isObject()) {
            String ext = Payloads.text(s, "externalId");
            if (ext == null) ext = Payloads.text(s, "external_id");
            Customer c = Customer.of(Payloads.text(s, "name"), Payloads.text(s, "number"), ext);
            if (c != null) return c;
        }
        JsonNode x = p.get("extra");
        return Customer.of(Payloads.text(x, "subscriber_name"), Payloads.text(x, "subscriber_number"),
                Payloads.text(x, "subscriber_external_id"));
    }
}
