package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.Scheduler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call on the agent's phone, serialised exactly as the seed's Call object. Timestamps are epoch
 * seconds (UCS's documentation says only "timestamp"); unset ones are null.
 */
public final class SimCall {

    public static final int NEW = 0, CONNECTING = 1, RINGING = 2, CONNECTED = 3, HUNGUP = 4, HELD = 5;
    public static final int CAUSE_UNSET = -1, CAUSE_UNKNOWN = 0, CAUSE_BUSY = 1, CAUSE_INVALID = 2,
            CAUSE_CALLER = 3, CAUSE_CALLED = 4, CAUSE_REJECTED = 5, CAUSE_UNAVAILABLE = 6, CAUSE_PICKUP = 7,
            CAUSE_TRANSFER = 8;

    /** The agent's own side of the call: their line and user. */
    record Party(String name, String number, String channel, String extension, Integer groupId,
                 boolean internal, Integer lineId, String type, Integer userId, String username) {
        static Party remote(String name, String number) {
            return new Party(name, number, "SIP/trunk-" + Integer.toHexString(number == null ? 0 : number.hashCode()),
                    null, null, false, null, "trunk", null, null);
        }
    }

    final String uniqueid;
    final int id;
    final String direction;
    final long created;
    int state = NEW;
    int cause = CAUSE_UNSET;
    Long connectedAt;
    Long disconnectedAt;
    Party caller;
    Party called;
    Party connected;
    boolean callerMuted;
    boolean connectedMuted;
    Map<String, Object> data = new LinkedHashMap<>();
    String externalId;
    String name;
    String number;
    Integer outboundId;
    boolean recorded = true;
    int subcalls;
    /** Not part of UCS's object: this call is the consultation leg of a transfer. */
    boolean consultation;
    /** Not part of UCS's object: the agent's microphone, kept on whichever side the agent is. */
    boolean agentMuted;
    Scheduler.Task pending;

    SimCall(String uniqueid, int id, String direction, long created) {
        this.uniqueid = uniqueid;
        this.id = id;
        this.direction = direction;
        this.created = created;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public int id() {
        return id;
    }

    public int state() {
        return state;
    }

    public boolean incoming() {
        return "INCOMING".equals(direction);
    }

    public boolean isConsultation() {
        return consultation;
    }

    public boolean ended() {
        return state == HUNGUP;
    }

    void setAgentMuted(boolean muted) {
        agentMuted = muted;
        if (incoming()) connectedMuted = muted;
        else callerMuted = muted;
    }

    void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** The seed's Call object, every field present. */
    public Map<String, Object> toMap(long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        Party cd = called != null ? called : new Party(null, null, null, null, null, false, null, null, null, null);
        m.put("called_name", cd.name());
        m.put("called_number", cd.number());
        m.put("called_number_norm", norm(cd.number()));
        put(m, "caller", caller, callerMuted);
        m.put("cause", cause);
        m.put("connected", connectedAt);
        put(m, "connected", connected, connectedMuted);
        m.put("created", created);
        m.put("data", new LinkedHashMap<>(data));
        m.put("direction", direction);
        m.put("disconnected", disconnectedAt);
        m.put("external_id", externalId);
        m.put("id", id);
        m.put("name", name);
        m.put("now", now);
        m.put("number", number);
        m.put("outbound_id", outboundId);
        m.put("recorded", recorded);
        m.put("state", state);
        m.put("subcalls", subcalls);
        m.put("uniqueid", uniqueid);
        return m;
    }

    private static void put(Map<String, Object> m, String side, Party p, boolean muted) {
        boolean has = p != null;
        m.put(side + "_channel", has ? p.channel() : null);
        // The seed lists an extension for the caller only.
        if (side.equals("caller")) m.put(side + "_extension", has ? p.extension() : null);
        m.put(side + "_group_id", has ? p.groupId() : null);
        m.put(side + "_internal", has && p.internal());
        m.put(side + "_line_id", has ? p.lineId() : null);
        m.put(side + "_muted", muted);
        m.put(side + "_name", has ? p.name() : null);
        m.put(side + "_number", has ? p.number() : null);
        m.put(side + "_number_norm", has ? norm(p.number()) : null);
        m.put(side + "_type", has ? p.type() : null);
        m.put(side + "_user_id", has ? p.userId() : null);
        m.put(side + "_username", has ? p.username() : null);
    }

    /**
     * E.164 as UCS would print it for a Czech PBX: national 9-digit numbers get +420, internal
     * extensions (short numbers) have no E.164 form.
     */
    static String norm(String number) {
        if (number == null || number.isEmpty()) return null;
        String digits = number.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+")) return digits;
        if (digits.startsWith("00")) return "+" + digits.substring(2);
        if (digits.length() == 9) return "+420" + digits;
        if (digits.length() > 9) return "+" + digits;
        return null;
    }
}
