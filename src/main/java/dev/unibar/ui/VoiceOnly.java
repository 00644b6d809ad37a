package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;

import java.util.EnumSet;
import java.util.Set;

/**
 * Phone controls make no sense for a chat or an e-mail: while the contact the agent works on is not a
 * voice call, hold, mute, transfer, conference, tones, swap, recording, masking and voicemail are off for it, even
 * where the vendor offers them for calls. Answering, rejecting and ending apply to every medium.
 */
final class VoiceOnly {

    static final Set<CommandKind> KINDS = EnumSet.of(CommandKind.HOLD, CommandKind.MUTE, CommandKind.UNMUTE,
            CommandKind.BLIND_TRANSFER, CommandKind.CONSULT, CommandKind.CONFERENCE, CommandKind.SEND_DTMF,
            CommandKind.SWAP, CommandKind.START_RECORDING, CommandKind.STOP_RECORDING, CommandKind.MASK,
            CommandKind.UNMASK, CommandKind.TO_VOICEMAIL);

    private VoiceOnly() {
    }

    /** False when {@code k} is a phone control and the active contact is not a voice call. */
    static boolean fits(BarState s, CommandKind k) {
        if (!KINDS.contains(k)) return true;
        return s.activeCall().map(CallView::call).map(c -> c.voice()).orElse(true);
    }
}
