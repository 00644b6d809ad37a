package dev.unibar.core.command;

import dev.unibar.core.model.AgentState;

/** What the agent asks the vendor to do, in vendor-neutral terms. A connector turns it into vendor calls. */
public sealed interface Command {

    CommandKind kind();

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
        public CommandKind kind() { return CommandKind.LOGIN; }
        // The password must never reach a log line or the inspector.
        @Override public String toString() {
            return "Login[username=" + username + ", remember=" + remember
                    + (device != null ? ", device=" + device + ", deviceType=" + deviceType : "") + "]";
        }
    }

    /** Single sign-on; the connector computes the token from its configured secret. */
    record Sso(String username) implements Command {
        public CommandKind kind() { return CommandKind.SSO; }
    }

    record Logout() implements Command {
        public CommandKind kind() { return CommandKind.LOGOUT; }
    }

    /** Pair a phone: a device id, or the identifier the agent typed. */
    record SelectDevice(String deviceId) implements Command {
        public CommandKind kind() { return CommandKind.SELECT_DEVICE; }
    }

    /** Confirm the paired phone and start working. */
    record Provision() implements Command {
        public CommandKind kind() { return CommandKind.PROVISION; }
    }

    /** Choose another phone without logging out. */
    record Identify() implements Command {
        public CommandKind kind() { return CommandKind.IDENTIFY; }
    }

    /** Set availability; reasonId names one of the agent's pause reasons when state is NOT_READY. */
    record SetState(AgentState state, String reasonId) implements Command {
        public CommandKind kind() { return CommandKind.SET_STATE; }
    }

    record SuspendQueue(String queueId) implements Command {
        public CommandKind kind() { return CommandKind.SUSPEND_QUEUE; }
    }

    record ResumeQueue(String queueId) implements Command {
        public CommandKind kind() { return CommandKind.RESUME_QUEUE; }
    }

    /** Click-to-dial; queueId is optional (an outbound queue or campaign), internal marks an extension. */
    record Dial(String number, String queueId, boolean internal) implements Command {
        public Dial(String number) { this(number, null, false); }
        public CommandKind kind() { return CommandKind.DIAL; }
    }

    record Answer(String callId) implements Command {
        public CommandKind kind() { return CommandKind.ANSWER; }
    }

    record Reject(String callId) implements Command {
        public CommandKind kind() { return CommandKind.REJECT; }
    }

    record Hangup(String callId) implements Command {
        public CommandKind kind() { return CommandKind.HANGUP; }
    }

    record Hold(String callId) implements Command {
        public CommandKind kind() { return CommandKind.HOLD; }
    }

    record Resume(String callId) implements Command {
        public CommandKind kind() { return CommandKind.RESUME; }
    }

    record Mute(String callId) implements Command {
        public CommandKind kind() { return CommandKind.MUTE; }
    }

    record Unmute(String callId) implements Command {
        public CommandKind kind() { return CommandKind.UNMUTE; }
    }

    record BlindTransfer(String callId, String target, boolean internal) implements Command {
        public CommandKind kind() { return CommandKind.BLIND_TRANSFER; }
    }

    /** Put the call on hold and call target for a consultation. */
    record Consult(String callId, String target, boolean internal) implements Command {
        public CommandKind kind() { return CommandKind.CONSULT; }
    }

    /** Join the held caller with the consulted party. */
    record CompleteTransfer(String callId) implements Command {
        public CommandKind kind() { return CommandKind.COMPLETE_TRANSFER; }
    }

    /** Bring the held caller and the consulted party (or the listed participant) into one conference. */
    record Conference(String callId, String participant, boolean internal) implements Command {
        public CommandKind kind() { return CommandKind.CONFERENCE; }
    }

    record EndConference(String callId) implements Command {
        public CommandKind kind() { return CommandKind.END_CONFERENCE; }
    }

    /** Fetch the recording the vendor offered for a call into a folder the agent chose. */
    record DownloadRecording(String callId, String folder) implements Command {
        public CommandKind kind() { return CommandKind.DOWNLOAD_RECORDING; }
    }

    record SetAccountCode(String callId, String accountCode, String subAccountCode, boolean override)
            implements Command {
        public CommandKind kind() { return CommandKind.SET_ACCOUNT_CODE; }
    }

    /** Hang up the consultation and go back to the held call. */
    record CancelConsult(String callId) implements Command {
        public CommandKind kind() { return CommandKind.CANCEL_CONSULT; }
    }

    /** Take a call waiting in the agent's queue (a {@code queue.callWaiting} id). */
    record TakeQueuedCall(String callId) implements Command {
        public CommandKind kind() { return CommandKind.TAKE_QUEUED_CALL; }
    }

    /** Pick up a call ringing elsewhere; {@code extension} may be null (the vendor chooses). */
    record Pickup(String extension) implements Command {
        public CommandKind kind() { return CommandKind.PICKUP; }
    }

    /** Send the agent's calls to these numbers (one or several). */
    record FollowMe(java.util.List<String> numbers, boolean internal) implements Command {
        public FollowMe { numbers = java.util.List.copyOf(numbers); }
        public CommandKind kind() { return CommandKind.FOLLOW_ME; }
    }

    record CancelFollowMe() implements Command {
        public CommandKind kind() { return CommandKind.CANCEL_FOLLOW_ME; }
    }

    /** Send the caller to voicemail. */
    record ToVoicemail(String callId) implements Command {
        public CommandKind kind() { return CommandKind.TO_VOICEMAIL; }
    }

    /** Leave the conference; the other parties stay connected. */
    record LeaveConference(String callId) implements Command {
        public CommandKind kind() { return CommandKind.LEAVE_CONFERENCE; }
    }

    /** Drop the participants added or joined and keep the call. */
    record CancelConference(String callId) implements Command {
        public CommandKind kind() { return CommandKind.CANCEL_CONFERENCE; }
    }

    record RemoveParticipant(String callId, String number) implements Command {
        public CommandKind kind() { return CommandKind.REMOVE_PARTICIPANT; }
    }

    /** Send touch tones on the call (an IVR menu, a PIN). */
    record SendDtmf(String callId, String digits) implements Command {
        public CommandKind kind() { return CommandKind.SEND_DTMF; }
    }

    /** Hold the active call and take back the held one ({@code callId} is the held call to take back). */
    record Swap(String callId) implements Command {
        public CommandKind kind() { return CommandKind.SWAP; }
    }

    /** Attach data to the contact (AgentDesktop SetCallData); values are strings as vendors carry them. */
    record SetCallData(String callId, java.util.Map<String, String> data) implements Command {
        public SetCallData { data = java.util.Map.copyOf(data); }
        public CommandKind kind() { return CommandKind.SET_CALL_DATA; }
    }

    record StartRecording(String callId) implements Command {
        public CommandKind kind() { return CommandKind.START_RECORDING; }
    }

    record StopRecording(String callId) implements Command {
        public CommandKind kind() { return CommandKind.STOP_RECORDING; }
    }

    /** Pause the call's recording while the customer gives card details (MAX MaskEvent). */
    record Mask(String callId) implements Command {
        public CommandKind kind() { return CommandKind.MASK; }
    }

    record Unmask(String callId) implements Command {
        public CommandKind kind() { return CommandKind.UNMASK; }
    }

    /**
     * Tell the vendor who the customer is, from a screen-pop lookup (MAX ContactCardData); not an agent
     * control: the bar sends it when a lookup answers. {@code imageUrl} may be null.
     */
    record ContactCard(String callId, String name, String imageUrl) implements Command {
        public CommandKind kind() { return CommandKind.CONTACT_CARD; }
    }
}
