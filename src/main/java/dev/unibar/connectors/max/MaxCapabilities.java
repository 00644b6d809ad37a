package dev.unibar.connectors.max;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;

import java.util.EnumSet;

/**
 * MAX takes only call-control commands from a child window: no dial, transfer, conference or agent
 * state (docs/vendors/max.md). Everything else stays absent, so the bar shows no control for it. No
 * STOP_RECORDING: MAX's RecordEvent is one-shot. No hold in a conference: NICE's own client disables Hold for a
 * Joined contact and refuses the call ("Unauthorized method invocation"; cxone-voice-contact.js, docs/vendors/max.md).
 */
final class MaxCapabilities {

    private MaxCapabilities() {
    }

    static Capabilities of() {
        return Capabilities.builder()
                .allow(EnumSet.of(CommandKind.ANSWER, CommandKind.REJECT, CommandKind.HANGUP, CommandKind.HOLD,
                        CommandKind.RESUME, CommandKind.MUTE, CommandKind.UNMUTE, CommandKind.MASK, CommandKind.UNMASK,
                        CommandKind.START_RECORDING, CommandKind.CONTACT_CARD), SessionPhase.READY)
                .notInConference(CommandKind.HOLD)
                .build();
    }
}
