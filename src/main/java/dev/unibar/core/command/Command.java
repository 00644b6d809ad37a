package dev.unibar.core.command;

import dev.unibar.core.model.AgentState;

/** What the agent asks the vendor to do, in vendor-neutral terms. A connector turns it into vendor calls. */
public sealed interface Command {

    /** The command's kind: its record's name in capitals ({@code BlindTransfer} is {@code BLIND_TRANSFER}). */
    default CommandKind kind() {
        return CommandKinds.of(getClass());
    }

    /**
     * Password login. Vendors that pair the phone at login (EPBX) take the device too: {@code device}
     * is a PA id, an IP or a virtual extension and {@code deviceType} says which ({@code idPa},
     * {@code ip}, {@code ramalVirtual}); both are null for vendors that pair afterwards (UCS).
     */
    record Login(String username, String password, boolean remember, String device, String deviceType)
            implements Command {
        public Login(String username, String password, boolean remember) {
            this(username, password, remember, null, null);
        }
        // The password must never reach a log line or the inspector.
        @Override public String toString() {
            return "Login[username=" + username + ", remember=" + remember
                    + (device != null ? ", device=" + device + ", deviceType=" + deviceType : "") + "]";
        }
    }

    /** Single sign-on; the connector computes the token from its configured secret. */
    record Sso(String username) implements Command { }

    record Logout() implements Command { }

    /** Pair a phone: a device id, or the identifier the agent typed. */
    record SelectDevice(String deviceId) implements Command { }

    /** Confirm the paired phone and start working. */
    record Provision() implements Command { }

    /** Choose another phone without logging out. */
    record Identify() implements Command { }

    /** Set availability; reasonId names one of the agent's pause reasons when state is NOT_READY. */
    record SetState(AgentState state, String reasonId) implements Command { }

    record SuspendQueue(String queueId) implements Command { }

    record ResumeQueue(String queueId) implements Command { }

    /** Click-to-dial; queueId is optional (an outbound queue or campaign), internal marks an extension. */
    record Dial(String number, String queueId, boolean internal) implements Command {
        public Dial(String number) { this(number, null, false); }
    }

    record Answer(String callId) implements Command { }

    record Reject(String callId) implements Command { }

    record Hangup(String callId) implements Command { }

    record Hold(String callId) implements Command { }

    record Resume(String callId) implements Command { }

    record Mute(String callId) implements Command { }

    record Unmute(String callId) implements Command { }

    record BlindTransfer(String callId, String target, boolean internal) implements Command { }

    /** Put the call on hold and call target for a consultation. */
    record Consult(String callId, String target, boolean internal) implements Command { }

    /** Join the held caller with the consulted party. */
    record CompleteTransfer(String callId) implements Command { }

    /** Bring the held caller and the consulted party (or the listed participant) into one conference. */
    record Conference(String callId, String participant, boolean internal) implements Command { }

    record EndConference(String callId) implements Command { }

    /** Fetch the recording the vendor offered for a call into a folder the agent chose. */
    record DownloadRecording(String callId, String folder) implements Command { }

    record SetAccountCode(String callId, String accountCode, String subAccountCode, boolean override)
            implements Command { }

    /** Hang up the consultation and go back to the held call. */
    record CancelConsult(String callId) implements Command { }

    /** Take a call waiting in the agent's queue (a {@code queue.callWaiting} id). */
    record TakeQueuedCall(String callId) implements Command { }

    /** Pick up a call ringing elsewhere; {@code extension} may be null (the vendor chooses). */
    record Pickup(String extension) implements Command { }

    /** Send the agent's calls to these numbers (one or several). */
    record FollowMe(java.util.List<String> numbers, boolean internal) implements Command {
        public FollowMe { numbers = java.util.List.copyOf(numbers); }
    }

    record CancelFollowMe() implements Command { }

    /** Send the caller to voicemail. */
    record ToVoicemail(String callId) implements Command { }

    /** Leave the conference; the other parties stay connected. */
    record LeaveConference(String callId) implements Command { }

    /** Drop the participants added or joined and keep the call. */
    record CancelConference(String callId) implements Command { }

    record RemoveParticipant(String callId, String number) implements Command { }

    /** Send touch tones on the call (an IVR menu, a PIN). */
    record SendDtmf(String callId, String digits) implements Command { }

    /** Hold the active call and take back the held one ({@code callId} is the held call to take back). */
    record Swap(String callId) implements Command { }

    /** Attach data to the contact (AgentDesktop SetCallData); values are strings as vendors carry them. */
    record SetCallData(String callId, java.util.Map<String, String> data) implements Command {
        public SetCallData { data = java.util.Map.copyOf(data); }
    }

    record StartRecording(String callId) implements Command { }

    record StopRecording(String callId) implements Command { }

    /** Pause the call's recording while the customer gives card details (MAX MaskEvent). */
    record Mask(String callId) implements Command { }

    record Unmask(String callId) implements Command { }

    /**
     * Tell the vendor who the customer is, from a screen-pop lookup (MAX ContactCardData); not an agent
     * control: the bar sends it when a lookup answers. {@code imageUrl} may be null.
     */
    record ContactCard(String callId, String name, String imageUrl) implements Command { }
}
