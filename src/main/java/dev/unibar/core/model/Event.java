package dev.unibar.core.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;

/**
 * The normalized event model of docs/events.md. Every vendor connector produces these and nothing
 * else reaches the state reducer, the UI or the event inspector.
 */
public sealed interface Event {

    /** The CONTRACT's {@code type} string: the {@link Type} its record is marked with. */
    default String type() {
        return EventTypes.of(getClass());
    }

    String vendor();

    /** The vendor's own time for this event, or null when its payload carries none. */
    Instant at();

    /**
     * Names an event record's CONTRACT type, once, beside the record (read once per class, then cached);
     * {@code EventTypesTest} checks every record has one, none twice, each documented in docs/events.md.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Type {
        String value();
    }

    /** Events about one call. */
    sealed interface CallEvent extends Event {
        String callId();
    }

    @Type("session.credentialsRequired")
    record CredentialsRequired(String vendor, Instant at) implements Event { }

    @Type("session.ready")
    record SessionReady(String vendor, Instant at) implements Event { }

    /**
     * A login or connection failure. {@code message} is the English text the CONTRACT carries; {@code key}
     * and {@code args} (both optional, as on {@link Notice}) name the same text in the notice bundles so
     * the bar shows it in the agent's language. A vendor's own error text has no key.
     */
    @Type("session.error")
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
        /**
         * A vendor error Unibar knows (wrong password, extension busy, ...): {@code key} is the sentence the agent
         * reads in the bar's language, {@code vendorText} the vendor's own words, kept as the CONTRACT's
         * {@code message} and shown as the sentence's detail ({@link Notices#detail}).
         */
        public static SessionError known(String vendor, Instant at, String code, String vendorText, String key,
                                         Object... args) {
            List<String> a = Notices.strings(args);
            return new SessionError(vendor, at, vendorText == null ? Notices.english(key, a) : vendorText, code, key, a);
        }
    }

    @Type("device.selectionRequired")
    record DeviceSelectionRequired(String vendor, Instant at, List<Device> devices) implements Event {
        public DeviceSelectionRequired { devices = devices == null ? null : List.copyOf(devices); }
    }

    @Type("device.paired")
    record DevicePaired(String vendor, Instant at, Device device) implements Event { }

    @Type("agent.loggedIn")
    record AgentLoggedIn(String vendor, Instant at, Agent agent) implements Event { }

    @Type("agent.loggedOut")
    record AgentLoggedOut(String vendor, Instant at, Agent agent) implements Event { }

    /** {@code maxDurationSeconds}: the longest this pause may last (Evolux), null when the vendor sets none. */
    @Type("agent.state")
    record AgentStateChanged(String vendor, Instant at, AgentState state, String reason, Boolean productive,
                             Integer maxDurationSeconds) implements Event {
        public AgentStateChanged(String vendor, Instant at, AgentState state, String reason, Boolean productive) {
            this(vendor, at, state, reason, productive, null);
        }
    }

    @Type("agent.pauseReasons")
    record PauseReasons(String vendor, Instant at, List<PauseReason> reasons) implements Event {
        public PauseReasons { reasons = List.copyOf(reasons); }
    }

    @Type("call.ringing")
    record CallRinging(String vendor, Instant at, String callId, Call call) implements CallEvent { }

    @Type("call.dialing")
    record CallDialing(String vendor, Instant at, String callId, Call call) implements CallEvent { }

    @Type("call.connected")
    record CallConnected(String vendor, Instant at, String callId, Call call) implements CallEvent { }

    /**
     * Something the vendor knows about a call changed (AgentDesktop {@code DATACHANGED}: its call data). The
     * snapshot's fields are merged into the known call as any snapshot is; the call's status never changes.
     */
    @Type("call.updated")
    record CallUpdated(String vendor, Instant at, String callId, Call call) implements CallEvent { }

    @Type("call.held")
    record CallHeld(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.resumed")
    record CallResumed(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.muted")
    record CallMuted(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.unmuted")
    record CallUnmuted(String vendor, Instant at, String callId) implements CallEvent { }

    /** The agent's recording of this call is paused: the customer's card details are not recorded (MAX MaskEvent). */
    @Type("call.masked")
    record CallMasked(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.unmasked")
    record CallUnmasked(String vendor, Instant at, String callId) implements CallEvent { }

    /** The vendor records this call on the agent's request (or says it does). */
    @Type("call.recordingStarted")
    record CallRecordingStarted(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.recordingStopped")
    record CallRecordingStopped(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.transferred")
    record CallTransferred(String vendor, Instant at, String callId, String target) implements CallEvent { }

    @Type("call.conferenced")
    record CallConferenced(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.ended")
    record CallEnded(String vendor, Instant at, String callId, String cause) implements CallEvent { }

    @Type("call.wrapUp")
    record CallWrapUp(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.finished")
    record CallFinished(String vendor, Instant at, String callId) implements CallEvent { }

    @Type("call.recording")
    record CallRecording(String vendor, Instant at, String callId, String url) implements CallEvent { }

    /** A conference leg of this call changed (dialing, connected, left, failed). */
    @Type("call.participant")
    record CallParticipant(String vendor, Instant at, String callId, Participant participant) implements CallEvent { }

    /** A call waits in one of the agent's queues and can be taken; {@code callId} is its id once taken. */
    @Type("queue.callWaiting")
    record QueueCallWaiting(String vendor, Instant at, String callId, Call call) implements Event { }

    /** That waiting call left the queue (taken by someone, or the caller gave up). */
    @Type("queue.callLeft")
    record QueueCallLeft(String vendor, Instant at, String callId) implements Event { }

    /** Follow-me: the agent's calls go to {@code numbers} (empty when the vendor names none) while active. */
    @Type("agent.followMe")
    record AgentFollowMe(String vendor, Instant at, boolean active, List<String> numbers) implements Event {
        public AgentFollowMe { numbers = numbers == null ? List.of() : List.copyOf(numbers); }
    }

    @Type("queue.waiting")
    record QueueWaiting(String vendor, Instant at, int count) implements Event { }

    /**
     * A message for the agent. {@code message} is the English text the CONTRACT carries; {@code key} and
     * {@code args} (both optional) name the same text in the notice bundles so the bar can show it in the
     * agent's language ({@link Notices}).
     */
    @Type("notice")
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
        /** A vendor message Unibar knows: our sentence by {@code key}, the vendor's words as {@code message} (detail). */
        public static Notice known(String vendor, Instant at, NoticeLevel level, String vendorText, String key,
                                   Object... args) {
            List<String> a = Notices.strings(args);
            return new Notice(vendor, at, level, vendorText == null ? Notices.english(key, a) : vendorText, key, a);
        }
    }

    @Type("vendor.unmapped")
    record VendorUnmapped(String vendor, Instant at, String name) implements Event { }
}
