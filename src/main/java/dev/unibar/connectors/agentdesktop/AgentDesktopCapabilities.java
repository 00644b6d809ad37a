package dev.unibar.connectors.agentdesktop;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;

import java.util.EnumSet;

/** What the Widget SDK lets Unibar do. No mute, reject or account codes: the SDK has no such function. */
final class AgentDesktopCapabilities {

    private AgentDesktopCapabilities() {
    }

    static Capabilities get() {
        return Capabilities.builder()
                .allow(EnumSet.of(CommandKind.DIAL, CommandKind.ANSWER, CommandKind.HANGUP, CommandKind.HOLD,
                        CommandKind.RESUME, CommandKind.BLIND_TRANSFER, CommandKind.CONSULT,
                        CommandKind.COMPLETE_TRANSFER, CommandKind.CONFERENCE, CommandKind.SET_CALL_DATA,
                        CommandKind.START_RECORDING, CommandKind.STOP_RECORDING), SessionPhase.READY)
                // Logging in to the telephony media ("ready") is how a logged-out agent comes back.
                .allow(CommandKind.SET_STATE, SessionPhase.READY, SessionPhase.CREDENTIALS)
                .allow(CommandKind.LOGOUT, SessionPhase.READY)
                // Outside a consultation a conference consults a number first (ConsultThenConference): it needs one.
                .requiresTarget(CommandKind.CONFERENCE)
                .build();
    }
}
