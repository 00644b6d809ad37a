package dev.unibar.connectors.epbx.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth bearer and refresh tokens. Survives a simulated restart (real OWIN tokens are self-contained,
 * so a middleware restart does not invalidate them). Refresh tokens rotate on use.
 */
final class TokenStore {

    record Grant(String username, Instant expires) {
    }

    /** What the token endpoint hands out. */
    record Issued(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Grant> access = new ConcurrentHashMap<>();
    private final Map<String, String> refresh = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration lifetime;

    TokenStore(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    void lifetime(Duration d) {
        this.lifetime = d;
    }

    Issued issue(String username) {
        String at = random(32);
        String rt = random(24);
        Duration life = lifetime;
        access.put(at, new Grant(username, clock.instant().plus(life)));
        refresh.put(rt, username);
        return new Issued(at, rt, Math.max(1, (life.toMillis() + 999) / 1000));
    }

    /** Consumes the refresh token; null when unknown. */
    String redeem(String refreshToken) {
        return refreshToken == null ? null : refresh.remove(refreshToken);
    }

    /** The user of a valid, unexpired access token, or null. */
    String user(String accessToken) {
        if (accessToken == null) return null;
        Grant g = access.get(accessToken);
        if (g == null) return null;
        if (!clock.instant().isBefore(g.expires())) {
            access.remove(accessToken);
            return null;
        }
        return g.username();
    }

    /** Forgets access tokens only; refresh tokens still redeem. */
    void clearAccess() {
        access.clear();
    }

    void clear() {
        access.clear();
        refresh.clear();
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
