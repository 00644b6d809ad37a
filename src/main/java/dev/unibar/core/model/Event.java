package dev.unibar.core.model;

import java.time.Instant;
import java.util.List;

/**
 * The normalized event model of docs/events.md. Every vendor connector produces these and nothing
 * else reaches the state reducer, the UI or the event inspector.
 */
public sealed interface Event {

    /** The CONTRACT's {@code type} string. */
    String type();

    String vendor();

    /** The vendor's own time for this event, or null when its payload carries none. */
    Instant at();

    /** Events about one call. */
    sealed interface CallEvent extends Event {
        String callId();
    }

    record CredentialsRequired(String vendor, Instant at) implements Event {
        public String type() { return "session.credentialsRequired"; }
    }

    record SessionReady(String vendor, Instant at) implements Event {
        public String type() { return "session.ready"; }
    }

    /**
     * A login or connection failure. {@code message} is the English text the CONTRACT carries; {@code key}
     * and {@code args} (both optional, as on {@link Notice}) name the same text in the notice bundles so
     * the bar shows it in the agent's language. A vendor's own error text has no key.
     */
    record SessionError(String vendor, Instant at, String message, String code, String key, List<String> args)
            implements Event {
        public SessionError {
            args = args == null ? List.of() : List.copyOf(args);
        }
        public SessionError(String vendor, Instant at, String message, String code) {
            this(vendor, at, message, code, null, List.of());
        }
        /** A session error from the bundles: its English text is rendered now, its key kept for the agent's language. */
        public static SessionError keyed(String vendor, Instant at, String code, String key, Object... args) {
            List<String> a = Notices.strings(args);
            return new SessionError(vendor, at, Notices.english(key, a), code, key, a);
        }
        public String type() { return "session.error"; }
    }

    record DeviceSelectionRequired(String vendor, Instant at, List<Device> devices) implements Event {
        public DeviceSelectionRequired { devices = devices == null ? null : List.copyOf(devices); }
        public String type() { return "device.selectionRequired"; }
    }

    record DevicePaired(String vendor, Instant at, Device device) implements Event {
        public String type() { return "device.paired"; }
    }

    record AgentLoggedIn(String vendor, Instant at, Agent agent) implements Event {
        public String type() { return "agent.loggedIn"; }
    }

    record AgentLoggedOut(String vendor, Instant at, Agent agent) implements Event {
        public String type() { return "agent.loggedOut"; }
    }

    /** {@code maxDurationSeconds}: the longest this pause may last (Evolux), null when the vendor sets none. */
    record AgentStateChanged(String vendor, Instant at, AgentState state, String reason, Boolean productive,
                             Integer maxDurationSeconds) implements Event {
        public AgentStateChanged(String vendor, Instant at, AgentState state, String reason, Boolean productive) {
            this(vendor, at, state, reason, productive, null);
        }

        public String type() { return "agent.state"; }
    }

    record PauseReasons(String vendor, Instant at, List<PauseReason> reasons) implements Event {
        public PauseReasons { reasons = List.copyOf(reasons); }
        public String type() { return "agent.pauseReasons"; }
    }

    record CallRinging(String vendor, Instant at, String callId, Call call) implements CallEvent {
        public String type() { return "call.ringing"; }
    }

    record CallDialing(String vendor, Instant at, String callId, Call call) implements CallEvent {
        public String type() { return "call.dialing"; }
    }

    record CallConnected(String vendor, Instant at, String callId, Call call) implements CallEvent {
        public String type() { return "call.connected"; }
    }

    /**
     * Something the vendor knows about a call changed (AgentDesktop {@code DATACHANGED}: its call data). The
     * snapshot's fields are merged into the known call as any snapshot is; the call's status never changes.
     */
    record CallUpdated(String vendor, Instant at, String callId, Call call) implements CallEvent {
        public String type() { return "call.updated"; }
    }

    record CallHeld(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.held"; }
    }

    record CallResumed(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.resumed"; }
    }

    record CallMuted(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.muted"; }
    }

    record CallUnmuted(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.unmuted"; }
    }

    /** The agent's recording of this call is paused: the customer's card details are not recorded (MAX MaskEvent). */
    record CallMasked(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.masked"; }
    }

    record CallUnmasked(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.unmasked"; }
    }

    /** The vendor records this call on the agent's request (or says it does). */
    record CallRecordingStarted(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.recordingStarted"; }
    }

    record CallRecordingStopped(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.recordingStopped"; }
    }

    record CallTransferred(String vendor, Instant at, String callId, String target) implements CallEvent {
        public String type() { return "call.transferred"; }
    }

    record CallConferenced(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.conferenced"; }
    }

    record CallEnded(String vendor, Instant at, String callId, String cause) implements CallEvent {
        public String type() { return "call.ended"; }
    }

    record CallWrapUp(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.wrapUp"; }
    }

    record CallFinished(String vendor, Instant at, String callId) implements CallEvent {
        public String type() { return "call.finished"; }
    }

    record CallRecording(String vendor, Instant at, String callId, String url) implements CallEvent {
        public String type() { return "call.recording"; }
    }

    /** A conference leg of this call changed (dialing, connected, left, failed). */
    record CallParticipant(String vendor, Instant at, String callId, Participant participant) implements CallEvent {
        public String type() { return "call.participant"; }
    }

    /** A call waits in one of the agent's queues and can be taken; {@code callId} is its id once taken. */
    record QueueCallWaiting(String vendor, Instant at, String callId, Call call) implements Event {
        public String type() { return "queue.callWaiting"; }
    }

    /** That waiting call left the queue (taken by someone, or the caller gave up). */
    record QueueCallLeft(String vendor, Instant at, String callId) implements Event {
        public String type() { return "queue.callLeft"; }
    }

    /** Follow-me: the agent's calls go to {@code numbers} (empty when the vendor names none) while active. */
    record AgentFollowMe(String vendor, Instant at, boolean active, List<String> numbers) implements Event {
        public AgentFollowMe { numbers = numbers == null ? List.of() : List.copyOf(numbers); }
        public String type() { return "agent.followMe"; }
    }

    record QueueWaiting(String vendor, Instant at, int count) implements Event {
        public String type() { return "queue.waiting"; }
    }

    /**
     * A message for the agent. {@code message} is the English text the CONTRACT carries; {@code key} and
     * {@code args} (both optional) name the same text in the notice bundles so the bar can show it in the
     * agent's language ({@link Notices}).
     */
    record Notice(String vendor, Instant at, NoticeLevel level, String message, String key, List<String> args)
            implements Event {
        public Notice {
            args = args == null ? List.of() : List.copyOf(args);
        }
        public Notice(String vendor, Instant at, NoticeLevel level, String message) {
            this(vendor, at, level, message, null, List.of());
        }
        /** A notice from the bundles: its English text is rendered now, its key kept for the agent's language. */
        public static Notice keyed(String vendor, Instant at, NoticeLevel level, String key, Object... args) {
            List<String> a = Notices.strings(args);
            return new Notice(vendor, at, level, Notices.english(key, a), key, a);
        }
        public String type() { return "notice"; }
    }

    record VendorUnmapped(String vendor, Instant at, String name) implements Event {
        public String type() { return "vendor.unmapped"; }
    }
}
