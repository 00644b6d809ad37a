package dev.unibar.connectors.epbx;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Notices.Refusal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The agent's availability as the hub's {@code AlterarIntervaloTipo}: ready is the configured ready
 * interval, a pause is the interval of its reason, offline logs out; wrap-up is the PBX's own doing.
 */
final class EpbxPauses {

    private final EpbxHubSession session;
    private final Supplier<CompletableFuture<Void>> logout;

    EpbxPauses(EpbxHubSession session, Supplier<CompletableFuture<Void>> logout) {
        this.session = session;
        this.logout = logout;
    }

    CompletableFuture<Void> setState(Command.SetState s) {
        if (s.state() == AgentState.READY) {
            return session.call("AlterarIntervaloTipo", intervalId(session.config.effectiveReadyInterval()));
        }
        if (s.state() == AgentState.NOT_READY) {
            if (s.reasonId() == null || s.reasonId().isBlank()) {
                return CompletableFuture.failedFuture(new Refusal("epbx.pauseReasonMissing"));
            }
            return session.call("AlterarIntervaloTipo", intervalId(s.reasonId()));
        }
        if (s.state() == AgentState.OFFLINE) return logout.get();
        return CompletableFuture.failedFuture(new Refusal("epbx.wrapUpAutomatic"));
    }

    /** The hub takes the interval id as a number; an id that is not one is passed as the vendor gave it. */
    private static Object intervalId(String id) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
