package dev.unibar.core;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a vendor declares it offers, as the guard and the bar's controls read it. */
class CapabilitiesTest {

    private static final Capabilities EPBX_LIKE = Capabilities.builder()
            .allow(EnumSet.of(CommandKind.ANSWER, CommandKind.HANGUP), SessionPhase.READY)
            .allow(CommandKind.LOGIN, SessionPhase.CREDENTIALS, SessionPhase.CONNECTING)
            .allow(CommandKind.DIAL, SessionPhase.READY)
            .allow(CommandKind.CONFERENCE, SessionPhase.READY)
            .notWhilePaused(CommandKind.DIAL)
            .requiresTarget(CommandKind.CONFERENCE)
            .build();

    @Test
    void aCommandIsOfferedOnlyInThePhasesItWasAllowedIn() {
        assertTrue(EPBX_LIKE.allowedIn(CommandKind.LOGIN, SessionPhase.CREDENTIALS));
        assertTrue(EPBX_LIKE.allowedIn(CommandKind.LOGIN, SessionPhase.CONNECTING));
        assertFalse(EPBX_LIKE.allowedIn(CommandKind.LOGIN, SessionPhase.READY));
        assertTrue(EPBX_LIKE.allowedIn(CommandKind.ANSWER, SessionPhase.READY), "allowed as part of a set");
        assertTrue(EPBX_LIKE.allowedIn(CommandKind.HANGUP, SessionPhase.READY), "allowed as part of a set");
        assertFalse(EPBX_LIKE.allowedIn(CommandKind.HOLD, SessionPhase.READY), "never declared: in no phase");
    }

    @Test
    void supportedIsExactlyWhatWasDeclared() {
        assertEquals(EnumSet.of(CommandKind.ANSWER, CommandKind.HANGUP, CommandKind.LOGIN, CommandKind.DIAL,
                CommandKind.CONFERENCE), EPBX_LIKE.supported());
        assertTrue(EPBX_LIKE.supports(CommandKind.DIAL));
        assertFalse(EPBX_LIKE.supports(CommandKind.MUTE));
    }

    @Test
    void aVendorWithNoCommandsSupportsNone() {
        Capabilities none = Capabilities.builder().build();
        assertEquals(Set.of(), none.supported());
        assertFalse(none.supports(CommandKind.LOGIN));
        for (SessionPhase p : SessionPhase.values()) assertFalse(none.allowedIn(CommandKind.LOGIN, p));
    }

    @Test
    void pausedRefusalsAndRequiredTargetsAreOnlyThoseDeclared() {
        assertTrue(EPBX_LIKE.refusedWhilePaused(CommandKind.DIAL));
        assertFalse(EPBX_LIKE.refusedWhilePaused(CommandKind.ANSWER));
        assertTrue(EPBX_LIKE.requiresTarget(CommandKind.CONFERENCE));
        assertFalse(EPBX_LIKE.requiresTarget(CommandKind.DIAL));
        Capabilities more = Capabilities.builder().notWhilePaused(CommandKind.DIAL, CommandKind.PICKUP)
                .requiresTarget(CommandKind.CONSULT, CommandKind.BLIND_TRANSFER).build();
        assertTrue(more.refusedWhilePaused(CommandKind.PICKUP), "the rest of the list counts too");
        assertTrue(more.requiresTarget(CommandKind.BLIND_TRANSFER), "the rest of the list counts too");
    }

    @Test
    void theBuiltCapabilitiesDoNotChangeWithTheBuilderOrTheirOwnAnswers() {
        Capabilities.Builder b = Capabilities.builder().allow(CommandKind.DIAL, SessionPhase.READY);
        Capabilities built = b.build();
        b.allow(CommandKind.HOLD, SessionPhase.READY).notWhilePaused(CommandKind.DIAL);
        assertFalse(built.supports(CommandKind.HOLD));
        assertFalse(built.refusedWhilePaused(CommandKind.DIAL));
        Set<CommandKind> s = built.supported();
        s.add(CommandKind.MUTE);
        assertFalse(built.supports(CommandKind.MUTE), "supported() is a copy");
    }
}
