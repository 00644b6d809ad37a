package dev.unibar.connectors.epbx.it;

import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, finding 4: the middleware is killed and restarted on the same port without the tokens it
 * issued. The stale token is refused on negotiate (401): the connector refreshes at once, the refresh
 * is refused too, and the bar asks for a login within seconds instead of "reconnecting" for minutes.
 */
class EpbxTokenLossTest {

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void aRestartThatForgetsTokensBringsTheLoginBackAtOnce(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            long grantsBefore = rig.sim.tokenGrants().size();
            rig.scenario("restart", Map.of("forgetTokens", true));
            // Far below the first scheduled refresh and the reconnect backoff's cap (30 s).
            rig.await("the login form with the reason", 8_000, s -> s.phase() == SessionPhase.CREDENTIALS
                    && s.lastError() != null && "session_expired".equals(s.lastError().code()));
            assertTrue(rig.sim.tokenGrants().stream().skip(grantsBefore)
                            .anyMatch(g -> g.grantType().equals("refresh_token") && !g.granted()),
                    "a refresh was tried at once and refused: " + rig.sim.tokenGrants());
            assertTrue(rig.session.inspector().snapshot().stream().flatMap(e -> e.events().stream())
                            .anyMatch(e -> e.toString().contains("renewing the session")),
                    "the bar said what it was waiting for");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void aRefusedTokenWithAValidRefreshTokenReconnectsWithoutALogin(String transport) {
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            // Only the access tokens are gone (say, the middleware's cache of them): the refresh still works.
            rig.sim.forgetAccessTokens();
            rig.scenario("drop", Map.of());
            rig.await("connected again", 8_000, s -> s.phase() == SessionPhase.READY
                    && s.connection() == dev.unibar.core.state.ConnectionStatus.CONNECTED
                    && rig.recorded("Iniciar").size() >= 2);
            assertTrue(rig.sim.tokenGrants().stream().anyMatch(g -> g.grantType().equals("refresh_token") && g.granted()),
                    rig.sim.tokenGrants().toString());
        }
    }

}
