package dev.unibar.connectors.epbx;

import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthClientTest {

    private final FakeEpbxHttp server = startServer();
    private final OAuthClient oauth = new OAuthClient(HttpClient.newHttpClient(), server.base(), null, "unibar");

    private static FakeEpbxHttp startServer() {
        try {
            return new FakeEpbxHttp();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void passwordGrantPostsTheFormAndReadsTheTokens() throws Exception {
        OAuthClient.Tokens t = oauth.password(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD);
        assertEquals(Map.of("grant_type", "password", "username", "maria", "password", FakeEpbxHttp.PASSWORD,
                "client_id", "unibar"), server.tokenForms.get(0));
        assertEquals("AT-secret-1", t.accessToken());
        assertEquals("RT-1", t.refreshToken());
        assertEquals(600, t.expiresInSeconds());
        assertFalse(t.toString().contains("AT-secret") || t.toString().contains("RT-1"), t.toString());
    }

    @Test
    void refusedPasswordCarriesTheErrorDescriptionButNotThePassword() {
        OAuthClient.RefusedException e = assertThrows(OAuthClient.RefusedException.class,
                () -> oauth.password("maria", "wrong-pass-123"));
        assertEquals("Usuário ou senha inválidos", e.getMessage());
        assertEquals("invalid_grant", e.error());
    }

    @Test
    void refreshGrantUsesTheRefreshToken() throws Exception {
        oauth.password(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD);
        OAuthClient.Tokens t = oauth.refresh("RT-1");
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "RT-1", "client_id", "unibar"),
                server.tokenForms.get(1));
        assertEquals("AT-secret-2", t.accessToken());
        server.refreshAllowed = false;
        assertEquals("refresh token revogado",
                assertThrows(OAuthClient.RefusedException.class, () -> oauth.refresh("RT-2")).getMessage());
    }

    @Test
    void refreshIsScheduledAtEightyPercentAndAtLeastOneSecondBeforeExpiry() {
        assertEquals(480_000, TokenKeeper.refreshDelay(600).toMillis());
        assertEquals(1_000, TokenKeeper.refreshDelay(2).toMillis());
        assertEquals(4_000, TokenKeeper.refreshDelay(5).toMillis());
        assertEquals(500, TokenKeeper.refreshDelay(1).toMillis());
    }

    @Test
    void tokenKeeperRefreshesBeforeATwoSecondTokenExpires() throws Exception {
        server.expiresIn = 2;
        List<EpbxFailure> refused = new CopyOnWriteArrayList<>();
        try (TokenKeeper keeper = new TokenKeeper(oauth, refused::add)) {
            long loggedIn = System.nanoTime();
            keeper.login(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD);
            assertEquals("AT-secret-1", keeper.token());
            Wait.until("a refresh", java.time.Duration.ofMillis(5000), () -> keeper.refreshCount() >= 1);
            long refreshedAfterMs = (server.refreshNanos.get(0) - loggedIn) / 1_000_000;
            assertTrue(refreshedAfterMs < 2000, "refreshed after " + refreshedAfterMs + " ms, before the 2 s expiry");
            Wait.until("the new token", java.time.Duration.ofMillis(2000), () -> "AT-secret-2".equals(keeper.token()));
            assertTrue(refused.isEmpty());
            assertFalse(keeper.toString().contains("AT-secret"));
        }
    }

    @Test
    void tokenKeeperReportsARefusedRefreshOnceAndDropsTheToken() throws Exception {
        server.expiresIn = 2;
        server.refreshAllowed = false;
        List<EpbxFailure> refused = new CopyOnWriteArrayList<>();
        try (TokenKeeper keeper = new TokenKeeper(oauth, refused::add)) {
            keeper.login(FakeEpbxHttp.USER, FakeEpbxHttp.PASSWORD);
            Wait.until("refusal", java.time.Duration.ofMillis(5000), () -> !refused.isEmpty());
            assertEquals(1, refused.size());
            assertTrue(refused.get(0).getMessage().contains("refresh token revogado"), refused.get(0).getMessage());
            assertEquals("epbx.sessionNotRenewed", refused.get(0).key());
            assertNull(keeper.token());
        }
    }
}
