package dev.unibar.connectors.ucs;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;

import java.util.EnumSet;

import static dev.unibar.core.command.CommandKind.*;
import static dev.unibar.core.state.SessionPhase.*;

/**
 * Seed 002, "Funkce je možné volat v následujících stavech": UCS's CREDENTIALS, IDENTIFY, DEVICE and
 * READY are Unibar's CREDENTIALS, DEVICE_SELECTION, DEVICE_PAIRED and READY. UCS has no conference
 * method, so the bar offers none.
 */
final class UcsCapabilities {

    private UcsCapabilities() {
    }

    static Capabilities of(boolean ssoConfigured) {
        Capabilities.Builder b = Capabilities.builder()
                .allow(LOGIN, CREDENTIALS)
                .allow(LOGOUT, DEVICE_SELECTION, DEVICE_PAIRED, READY)
                .allow(SELECT_DEVICE, DEVICE_SELECTION, DEVICE_PAIRED)
                .allow(PROVISION, DEVICE_SELECTION, DEVICE_PAIRED)
                .allow(IDENTIFY, DEVICE_PAIRED, READY)
                .allow(EnumSet.of(SET_STATE, SUSPEND_QUEUE, RESUME_QUEUE, ANSWER, REJECT, DIAL, HANGUP, HOLD, RESUME,
                        MUTE, UNMUTE, BLIND_TRANSFER, CONSULT, COMPLETE_TRANSFER, SET_ACCOUNT_CODE), READY);
        if (ssoConfigured) b.allow(CommandKind.SSO, SessionPhase.CREDENTIALS);
        return b.build();
    }
}
