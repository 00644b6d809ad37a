package dev.unibar.ui;

import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The commands an agent gives about calls: which call each one is about (the ringing one, the active
 * one, the held one) is decided here from the latest state, so the controls only say what to do.
 */
public final class CallCommands {

    private final Supplier<BarState> state;
    private final Predicate<CommandKind> can;
    private final Function<Command, CompletionStage<Void>> send;
    private final BooleanSupplier recordingsFolderConfigured;

    /** @param can whether the bar allows a command right now (the guard, and no phone control on a chat) */
    CallCommands(Supplier<BarState> state, Predicate<CommandKind> can, Function<Command, CompletionStage<Void>> send,
                 BooleanSupplier recordingsFolderConfigured) {
        this.state = state;
        this.can = can;
        this.send = send;
        this.recordingsFolderConfigured = recordingsFolderConfigured;
    }

    private boolean can(CommandKind k) {
        return can.test(k);
    }

    private Optional<BarState> now() {
        return Optional.ofNullable(state.get());
    }

    Optional<String> activeId() {
        return now().flatMap(BarState::activeCall).map(CallView::id);
    }

    Optional<String> heldId() {
        return now().flatMap(BarState::heldCall).map(CallView::id);
    }

    public void answer() {
        now().flatMap(BarState::ringingInbound).ifPresent(c -> send.apply(new Command.Answer(c.id())));
    }

    public void reject() {
        now().flatMap(BarState::ringingInbound).ifPresent(c -> send.apply(new Command.Reject(c.id())));
    }

    public void hangup() {
        activeId().ifPresent(id -> send.apply(new Command.Hangup(id)));
    }

    /** Resume when a held call may be resumed, else hold the active call. */
    public void toggleHold() {
        if (can(CommandKind.RESUME)) heldId().ifPresent(id -> send.apply(new Command.Resume(id)));
        else if (can(CommandKind.HOLD)) activeId().ifPresent(id -> send.apply(new Command.Hold(id)));
    }

    public void toggleMute() {
        toggleActive(CommandKind.UNMUTE, Command.Unmute::new, CommandKind.MUTE, Command.Mute::new);
    }

    /** On the active call: undo when the bar allows undoing (the call is muted, say), else do. */
    private void toggleActive(CommandKind undo, Function<String, Command> undoing, CommandKind does,
                              Function<String, Command> doing) {
        if (can(undo)) activeId().ifPresent(id -> send.apply(undoing.apply(id)));
        else if (can(does)) activeId().ifPresent(id -> send.apply(doing.apply(id)));
    }

    public boolean holdOrResumeAllowed() {
        return can(CommandKind.HOLD) || can(CommandKind.RESUME);
    }

    public boolean muteOrUnmuteAllowed() {
        return can(CommandKind.MUTE) || can(CommandKind.UNMUTE);
    }

    /** {@code internal} marks the target as an extension, for vendors that route those differently (EPBX). */
    public void blindTransfer(String target, boolean internal) {
        if (blank(target)) return;
        activeId().ifPresent(id -> send.apply(new Command.BlindTransfer(id, target.trim(), internal)));
    }

    public void consult(String target, boolean internal) {
        if (blank(target)) return;
        activeId().ifPresent(id -> send.apply(new Command.Consult(id, target.trim(), internal)));
    }

    /** The original caller is the held one: the transfer joins it with the consulted party. */
    public void completeTransfer() {
        heldId().or(this::activeId).ifPresent(id -> send.apply(new Command.CompleteTransfer(id)));
    }

    /**
     * With a participant, the vendor calls that number into the conference (EPBX needs one); without one,
     * the held caller and the consulted party are joined, and "internal" means nothing.
     */
    public void conference(String participant, boolean internal) {
        String p = blank(participant) ? null : participant.trim();
        heldId().or(this::activeId).ifPresent(id -> send.apply(new Command.Conference(id, p, p != null && internal)));
    }

    public void endConference() {
        now().flatMap(s -> s.calls().values().stream().filter(CallView::conference).findFirst())
                .ifPresent(c -> send.apply(new Command.EndConference(c.id())));
    }

    /** {@code queueId} is an outbound queue or campaign (blank: none); {@code internal} marks an extension. */
    public void dial(String number, String queueId, boolean internal) {
        if (blank(number)) return;
        send.apply(new Command.Dial(number.trim(), blank(queueId) ? null : queueId.trim(), internal));
    }

    /** True while any call is on the line (ringing, talking or held): logging out then needs a confirmation. */
    public boolean hasCalls() {
        return now().map(s -> !s.calls().isEmpty()).orElse(false);
    }

    /** The call an account code applies to: the one on the line, else the one that just ended. */
    public Optional<String> accountCodeCallId() {
        BarState s = state.get();
        if (s == null) return Optional.empty();
        Optional<String> a = s.activeCall().map(CallView::id);
        return a.isPresent() ? a : Optional.ofNullable(s.lastEnded()).map(CallView::id);
    }

    public void setAccountCode(String code) {
        if (blank(code)) return;
        accountCodeCallId().ifPresent(id -> send.apply(new Command.SetAccountCode(id, code.trim(), null, false)));
    }

    /** The newest call with a recording on offer. */
    public Optional<String> recordingCallId() {
        BarState s = state.get();
        return s == null ? Optional.empty() : dev.unibar.core.command.Guard.recordingAfterCall(s);
    }

    public void downloadRecording(String folder) {
        if (blank(folder)) return;
        recordingCallId().ifPresent(id -> send.apply(new Command.DownloadRecording(id, folder)));
    }

    /** True when the vendor's configuration names the recordings folder, so the bar need not ask for one. */
    public boolean recordingsFolderConfigured() {
        return recordingsFolderConfigured.getAsBoolean();
    }

    /** Downloads into the folder the vendor's configuration names. */
    public void downloadRecordingToConfiguredFolder() {
        recordingCallId().ifPresent(id -> send.apply(new Command.DownloadRecording(id, null)));
    }

    /** Tones into the active call (an IVR's menu, a PIN). Only the keypad's characters are sent. */
    public void sendDtmf(String digits) {
        if (blank(digits) || !digits.matches("[0-9*#A-Da-d]+") || !can(CommandKind.SEND_DTMF)) return;
        activeId().ifPresent(id -> send.apply(new Command.SendDtmf(id, digits)));
    }

    /** Talk to the held caller and hold the one on the line: the command names the held call. */
    public void swap() {
        if (!can(CommandKind.SWAP)) return;
        heldId().ifPresent(id -> send.apply(new Command.Swap(id)));
    }

    public void toggleRecording() {
        toggleActive(CommandKind.STOP_RECORDING, Command.StopRecording::new, CommandKind.START_RECORDING,
                Command.StartRecording::new);
    }

    public void toggleMask() {
        toggleActive(CommandKind.UNMASK, Command.Unmask::new, CommandKind.MASK, Command.Mask::new);
    }

    /** The ringing caller if there is one (the agent declines it to voicemail), else the call on the line. */
    public void toVoicemail() {
        if (!can(CommandKind.TO_VOICEMAIL)) return;
        now().flatMap(BarState::ringingInbound).map(CallView::id).or(this::activeId)
                .ifPresent(id -> send.apply(new Command.ToVoicemail(id)));
    }

    /**
     * One field of the contact's data (AgentDesktop SetCallData): on the call on the line, else, in after-call work
     * (where the vendor keeps the contact), on the call that just ended.
     */
    public void setCallData(String name, String value) {
        if (blank(name) || !can(CommandKind.SET_CALL_DATA)) return;
        accountCodeCallId().ifPresent(id -> send.apply(new Command.SetCallData(id,
                java.util.Map.of(name.trim(), value == null ? "" : value.trim()))));
    }

    /** Directed pick-up of a call ringing at another extension. */
    public void pickup(String extension) {
        if (blank(extension) || !can(CommandKind.PICKUP)) return;
        send.apply(new Command.Pickup(extension.trim()));
    }

    /** The call that carries the conference (the one the vendor marked), else the active one. */
    Optional<String> conferenceId() {
        return now().flatMap(s -> s.calls().values().stream().filter(CallView::conference).findFirst()
                .map(CallView::id)).or(this::activeId);
    }

    /** The agent leaves; the others stay connected. */
    public void leaveConference() {
        if (can(CommandKind.LEAVE_CONFERENCE)) conferenceId().ifPresent(id -> send.apply(new Command.LeaveConference(id)));
    }

    /** Stops calling the participant in (the conference had not started yet). */
    public void cancelConference() {
        if (can(CommandKind.CANCEL_CONFERENCE)) conferenceId().ifPresent(id -> send.apply(new Command.CancelConference(id)));
    }

    public void removeParticipant(String number) {
        if (blank(number) || !can(CommandKind.REMOVE_PARTICIPANT)) return;
        conferenceId().ifPresent(id -> send.apply(new Command.RemoveParticipant(id, number.trim())));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
