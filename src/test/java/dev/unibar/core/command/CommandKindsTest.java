package dev.unibar.core.command;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A command's kind is its record's name: every record has its kind, every kind its record. */
class CommandKindsTest {

    /** Each record and the kind its own kind() method returned before the kind came from the name. */
    private static final Map<Class<?>, CommandKind> BEFORE = Map.ofEntries(
            Map.entry(Command.Login.class, CommandKind.LOGIN),
            Map.entry(Command.Sso.class, CommandKind.SSO),
            Map.entry(Command.Logout.class, CommandKind.LOGOUT),
            Map.entry(Command.SelectDevice.class, CommandKind.SELECT_DEVICE),
            Map.entry(Command.Provision.class, CommandKind.PROVISION),
            Map.entry(Command.Identify.class, CommandKind.IDENTIFY),
            Map.entry(Command.SetState.class, CommandKind.SET_STATE),
            Map.entry(Command.SuspendQueue.class, CommandKind.SUSPEND_QUEUE),
            Map.entry(Command.ResumeQueue.class, CommandKind.RESUME_QUEUE),
            Map.entry(Command.Dial.class, CommandKind.DIAL),
            Map.entry(Command.Answer.class, CommandKind.ANSWER),
            Map.entry(Command.Reject.class, CommandKind.REJECT),
            Map.entry(Command.Hangup.class, CommandKind.HANGUP),
            Map.entry(Command.Hold.class, CommandKind.HOLD),
            Map.entry(Command.Resume.class, CommandKind.RESUME),
            Map.entry(Command.Mute.class, CommandKind.MUTE),
            Map.entry(Command.Unmute.class, CommandKind.UNMUTE),
            Map.entry(Command.BlindTransfer.class, CommandKind.BLIND_TRANSFER),
            Map.entry(Command.Consult.class, CommandKind.CONSULT),
            Map.entry(Command.CompleteTransfer.class, CommandKind.COMPLETE_TRANSFER),
            Map.entry(Command.Conference.class, CommandKind.CONFERENCE),
            Map.entry(Command.EndConference.class, CommandKind.END_CONFERENCE),
            Map.entry(Command.DownloadRecording.class, CommandKind.DOWNLOAD_RECORDING),
            Map.entry(Command.SetAccountCode.class, CommandKind.SET_ACCOUNT_CODE),
            Map.entry(Command.CancelConsult.class, CommandKind.CANCEL_CONSULT),
            Map.entry(Command.TakeQueuedCall.class, CommandKind.TAKE_QUEUED_CALL),
            Map.entry(Command.Pickup.class, CommandKind.PICKUP),
            Map.entry(Command.FollowMe.class, CommandKind.FOLLOW_ME),
            Map.entry(Command.CancelFollowMe.class, CommandKind.CANCEL_FOLLOW_ME),
            Map.entry(Command.ToVoicemail.class, CommandKind.TO_VOICEMAIL),
            Map.entry(Command.LeaveConference.class, CommandKind.LEAVE_CONFERENCE),
            Map.entry(Command.CancelConference.class, CommandKind.CANCEL_CONFERENCE),
            Map.entry(Command.RemoveParticipant.class, CommandKind.REMOVE_PARTICIPANT),
            Map.entry(Command.SendDtmf.class, CommandKind.SEND_DTMF),
            Map.entry(Command.Swap.class, CommandKind.SWAP),
            Map.entry(Command.SetCallData.class, CommandKind.SET_CALL_DATA),
            Map.entry(Command.StartRecording.class, CommandKind.START_RECORDING),
            Map.entry(Command.StopRecording.class, CommandKind.STOP_RECORDING),
            Map.entry(Command.Mask.class, CommandKind.MASK),
            Map.entry(Command.Unmask.class, CommandKind.UNMASK),
            Map.entry(Command.ContactCard.class, CommandKind.CONTACT_CARD)
    );

    @Test
    void everyRecordHasTheKindItAlwaysHad() {
        Map<Class<?>, CommandKind> now = new HashMap<>();
        for (Class<?> c : Command.class.getPermittedSubclasses()) now.put(c, CommandKinds.of(c));
        assertEquals(BEFORE, now);
    }

    @Test
    void everyKindHasItsRecord() {
        Set<CommandKind> seen = EnumSet.noneOf(CommandKind.class);
        for (Class<?> c : Command.class.getPermittedSubclasses()) assertTrue(seen.add(CommandKinds.of(c)), c.getName());
        assertEquals(EnumSet.allOf(CommandKind.class), seen);
    }

    @Test
    void anInstanceAnswersWithItsKind() {
        assertEquals(CommandKind.BLIND_TRANSFER, new Command.BlindTransfer("1", "200", false).kind());
        assertEquals(CommandKind.SET_CALL_DATA, new Command.SetCallData("1", Map.of()).kind());
        assertEquals(CommandKind.SSO, new Command.Sso("maria").kind());
    }

    @Test
    void aClassNamedAfterNoKindIsRefusedWithItsName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandKinds.of(StringBuilder.class));
        assertTrue(e.getMessage().contains("STRING_BUILDER"), e.getMessage());
    }
}
