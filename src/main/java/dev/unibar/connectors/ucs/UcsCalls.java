package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.CallEnd;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.unibar.connectors.ucs.UcsArgs.arg;
import static dev.unibar.connectors.ucs.UcsArgs.first;
import static dev.unibar.connectors.ucs.UcsMapper.VENDOR;

/** The seed's Call object: its id, its snapshot for the call card, its hang-up cause, its state at start-up. */
final class UcsCalls {

    /** The seed's Call.cause enum, index = cause + 1; -1 means "not hung up yet" and yields no cause. */
    private static final String[] CAUSES = {
            null, "unknown", "busy", "invalid_number", "caller_hangup", "callee_hangup", "rejected",
            "unavailable", "pickup", "transfer"};
    private static final int CAUSE_TRANSFER = 8;

    /**
     * Seed 002's Call.cause words in the common vocabulary (decision 0055). Left out: unknown, callee_hangup (a
     * plain hang-up) and pickup (someone picked the call up: the facts say whether this agent answered it).
     */
    static final Map<String, CallEnd> END_CAUSES = Map.of(
            "busy", CallEnd.FAILED_BUSY,
            "invalid_number", CallEnd.FAILED,
            "caller_hangup", CallEnd.ABANDONED,
            "rejected", CallEnd.REJECTED,
            "unavailable", CallEnd.FAILED,
            "transfer", CallEnd.TRANSFERRED);

    private UcsCalls() {
    }

    /** A call callback other than onCallHangup, as its event: progress carries the snapshot, a change only the id. */
    static Event callEvent(String callback, JsonNode c) throws MalformedCaptureException {
        Instant at = at(c);
        String id = callId(c);
        return switch (callback) {
            case "onCallNew" -> new Event.CallDialing(VENDOR, at, id, snapshot(c));
            case "onCallRinging" -> new Event.CallRinging(VENDOR, at, id, snapshot(c));
            case "onCallConnect" -> new Event.CallConnected(VENDOR, at, id, snapshot(c));
            case "onCallHold" -> new Event.CallHeld(VENDOR, at, id);
            case "onCallResume" -> new Event.CallResumed(VENDOR, at, id);
            case "onCallMute" -> new Event.CallMuted(VENDOR, at, id);
            case "onCallUnmute" -> new Event.CallUnmuted(VENDOR, at, id);
            default -> throw new IllegalArgumentException("not a call callback: " + callback);
        };
    }

    /** The call already in progress when the bar starts, told by its Call.state. */
    static void activeCall(JsonNode c, Instant at, List<Event> out) throws MalformedCaptureException {
        String id = callId(c);
        Call snap = snapshot(c);
        Integer st = Payloads.integer(c, "state");
        // "call" is documented as the active call: without a (known) state it is taken as talking.
        int s = st == null ? 3 : st;
        switch (s) {
            case 0, 1 -> {
                if (snap.direction() == Direction.INBOUND) out.add(new Event.CallRinging(VENDOR, at, id, snap));
                else out.add(new Event.CallDialing(VENDOR, at, id, snap));
            }
            case 2 -> out.add(new Event.CallRinging(VENDOR, at, id, snap));
            case 5 -> {
                out.add(new Event.CallConnected(VENDOR, at, id, snap));
                out.add(new Event.CallHeld(VENDOR, at, id));
            }
            // 4 (hung up): the call is over and there is nothing to show.
            case 4 -> { }
            default -> out.add(new Event.CallConnected(VENDOR, at, id, snap));
        }
    }

    static void hangup(JsonNode c, List<Event> out) throws MalformedCaptureException {
        String id = callId(c);
        Instant at = at(c);
        // The seed's causes run -1..14; a wider range keeps unknown future causes readable as "unknown".
        Integer cause = Payloads.intIn(c, "cause", -1, 1000);
        String word = null;
        if (cause != null) {
            word = cause >= -1 && cause + 1 < CAUSES.length ? CAUSES[cause + 1] : "unknown";
            if (cause == CAUSE_TRANSFER) {
                String target = Payloads.text(c, "connected_number");
                out.add(new Event.CallTransferred(VENDOR, at, id, target));
            }
        }
        out.add(new Event.CallEnded(VENDOR, at, id, word));
    }

    static JsonNode call(JsonNode args) throws MalformedCaptureException {
        JsonNode c = arg(args, 0);
        if (c == null || c.isNull()) throw new MalformedCaptureException("call callback without a call argument");
        if (!c.isObject()) throw new MalformedCaptureException("call argument is not an object");
        return c;
    }

    /** {@code uniqueid}, never {@code id}: the seed warns that id rotates through 1–65535. */
    private static String callId(JsonNode c) throws MalformedCaptureException {
        String id = Payloads.text(c, "uniqueid");
        if (id == null) throw new MalformedCaptureException("call without uniqueid (its id rotates and cannot identify a call)");
        return id;
    }

    private static Instant at(JsonNode c) throws MalformedCaptureException {
        return Payloads.timeChecked(c, "now");
    }

    private static Call snapshot(JsonNode c) throws MalformedCaptureException {
        String dir = Payloads.text(c, "direction");
        Direction direction = null;
        if ("INCOMING".equalsIgnoreCase(dir)) direction = Direction.INBOUND;
        else if ("OUTGOING".equalsIgnoreCase(dir)) direction = Direction.OUTBOUND;

        Party from = Party.of(Payloads.text(c, "caller_number"), Payloads.text(c, "caller_name"));
        String toNumber = Payloads.text(c, "called_number");
        if (toNumber == null) toNumber = Payloads.text(c, "connected_number");
        String toName = Payloads.text(c, "called_name");
        if (toName == null) toName = Payloads.text(c, "connected_name");
        Party to = Party.of(toNumber, toName);

        Customer customer = Customer.of(Payloads.text(c, "name"), Payloads.text(c, "number"),
                Payloads.text(c, "external_id"));
        // outbound_id 0 is how a call outside any campaign looks in practice; it names no campaign.
        String outbound = Payloads.text(c, "outbound_id");
        Campaign campaign = outbound == null || outbound.equals("0") ? null : Campaign.of(outbound, null);

        return new Call(callId(c), direction, from, to, queue(c), campaign, customer,
                Payloads.stringMap(c.get("data")), null);
    }

    /**
     * The seed's Call has no queue field; a UCS server that adds one (queue_id / queue_name, or a queue
     * object) is read, and otherwise the snapshot has no queue rather than a guessed one.
     */
    private static QueueRef queue(JsonNode c) {
        JsonNode q = c.get("queue");
        if (q != null && q.isObject()) {
            return QueueRef.of(first(q, "queue_id", "id"), first(q, "name", "queue_name"), Payloads.text(q, "number"));
        }
        String id = Payloads.text(c, "queue_id");
        if (id == null) id = Payloads.scalar(q);
        return QueueRef.of(id, Payloads.text(c, "queue_name"), null);
    }
}
