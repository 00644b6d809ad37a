package dev.unibar.connectors.ucs.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The UCS SSO token of seed 002: base64(raw SHA-1 of secret+username+timestamp, then username+timestamp).
 * The digest is the 20 raw bytes, not its hex form (the seed warns about exactly that).
 */
public final class SsoToken {

    /** Why a token was refused; {@link #OK} when it was accepted. */
    public enum Verdict { OK, MALFORMED, WRONG_USER, BAD_DIGEST, EXPIRED }

    private static final int SHA1_LEN = 20;

    private SsoToken() {
    }

    public static String create(String secret, String username, String timestamp) {
        byte[] digest = sha1(secret + username + timestamp);
        byte[] tail = (username + timestamp).getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(digest, digest.length + tail.length);
        System.arraycopy(tail, 0, all, digest.length, tail.length);
        return Base64.getEncoder().encodeToString(all);
    }

    /**
     * @param nowEpochSeconds the simulator's clock
     * @param windowSeconds   how far the token's timestamp may lie from now, either way
     */
    public static Verdict verify(String token, String username, String secret, long nowEpochSeconds, long windowSeconds) {
        if (token == null || username == null || username.isEmpty()) return Verdict.MALFORMED;
        byte[] all;
        try {
            all = Base64.getDecoder().decode(token.trim());
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        if (all.length <= SHA1_LEN) return Verdict.MALFORMED;
        String tail = new String(all, SHA1_LEN, all.length - SHA1_LEN, StandardCharsets.UTF_8);
        if (!tail.startsWith(username)) return Verdict.WRONG_USER;
        String timestamp = tail.substring(username.length());
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        byte[] expected = sha1(secret + username + timestamp);
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(all, SHA1_LEN))) return Verdict.BAD_DIGEST;
        // The seed does not say seconds or milliseconds; integrators use both, so accept both.
        long tsSeconds = ts > 100_000_000_000L ? ts / 1000 : ts;
        if (Math.abs(nowEpochSeconds - tsSeconds) > windowSeconds) return Verdict.EXPIRED;
        return Verdict.OK;
    }

    private static byte[] sha1(String s) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
