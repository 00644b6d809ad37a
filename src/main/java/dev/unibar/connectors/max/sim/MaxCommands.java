package dev.unibar.connectors.max.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seven call commands a child window may post, with MAX's rules: a command in the wrong state is
 * ignored (recorded as not accepted), as MAX does; and {@code ContactCardData}. Runs under the
 * {@link MaxSimState} lock; returns the record's note, or null when MAX ignores the command.
 */
final class MaxCommands {

    static final Set<String> NAMES = Set.of("AnswerEvent", "RefuseEvent", "HoldEvent", "MuteEvent", "MaskEvent",
            "RecordEvent", "HangupEvent");

    private final MaxSimState st;

    MaxCommands(MaxSimState st) {
        this.st = st;
    }

    String run(String type) {
        return switch (type) {
            case "AnswerEvent" -> answer();
            case "RefuseEvent" -> refuse();
            case "HoldEvent" -> toggle("Holding", "held", "resumed");
            case "MuteEvent" -> mute();
            case "MaskEvent" -> toggle("Masking", "masked", "unmasked");
            case "RecordEvent" -> record();
            case "HangupEvent" -> hangup();
            default -> null;
        };
    }

    private String answer() {
        SimContact c = st.find("Incoming");
        if (c == null) return null;
        st.setStatus(c, "Active");
        st.setAgent(c.inbound ? "InboundContact" : "OutboundContact", "", false);
        return "answered " + c.contactId;
    }

    private String refuse() {
        SimContact c = st.find("Incoming");
        if (c == null) return null;
        c.finalState = true;
        st.setStatus(c, "Disconnected");
        st.forget(c);
        st.setAgent("Unavailable", "Refused", false);
        return "refused " + c.contactId;
    }

    /** Hold and mask: an active contact goes {@code into} the status, a contact in it back to Active. */
    private String toggle(String into, String went, String cameBack) {
        SimContact c = st.find("Active", into);
        if (c == null) return null;
        st.setStatus(c, c.status.equals("Active") ? into : "Active");
        return (c.status.equals(into) ? went : cameBack) + " " + c.contactId;
    }

    private String mute() {
        if (st.find("Active", "Holding", "Masking", "Joined") == null) return null;
        boolean muted = st.toggleMute();
        st.emit(List.of(MaxEvents.mute(muted)));
        return muted ? "muted" : "unmuted";
    }

    private String record() {
        SimContact c = st.find("Active", "Holding", "Masking", "Joined");
        if (c == null || c.logging) return null;
        c.logging = true;
        st.emit(List.of(MaxEvents.callContact(c, st.now())));
        return "recording " + c.contactId;
    }

    /**
     * In a conference the agent leaves it: MAX ends the agent's part in every joined contact at once (each
     * Disconnected, FinalState False) and the other parties stay connected among themselves, out of the agent's
     * session (docs/vendors/max.md, "Leaving a conference").
     */
    private String hangup() {
        SimContact c = st.live();
        if (c == null) return null;
        if (c.status.equals("Joined")) {
            List<SimContact> joined = st.all("Joined");
            st.endVoice(joined, "");
            return "left the conference " + String.join(",", joined.stream().map(j -> j.contactId).toList());
        }
        st.endVoice(List.of(c), "");
        return "hung up " + c.contactId;
    }

    /** {@code contactCardData.name} shown on the contact named by {@code contactId}, else the current one. */
    String contactCard(Map<String, Object> data) {
        SimContact target = current(data);
        if (target == null || !(data.get("contactCardData") instanceof Map<?, ?> card)) return null;
        Object name = card.get("name");
        target.customerName = name == null ? null : String.valueOf(name);
        return "card for " + target.contactId;
    }

    private SimContact current(Map<String, Object> data) {
        Object id = data == null ? null : data.get("contactId");
        SimContact named = id == null ? null : st.findById(String.valueOf(id));
        if (named != null) return named;
        SimContact live = st.live();
        return live != null ? live : st.find("Incoming");
    }
}
