package dev.unibar.connectors.ucs;

import dev.unibar.config.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The UCS SSO token of seed 002: base64( rawSHA1(secret + username + timestamp) ++ username + timestamp ).
 * The digest goes in as its 20 raw bytes, not as hex (the seed stresses this).
 */
public final class SsoToken {

    private SsoToken() {
    }

    public static String token(Secret secret, String username, String timestamp) {
        Objects.requireNonNull(secret, "secret");
        return token(secret.reveal(), username, timestamp);
    }

    public static String token(String secret, String username, String timestamp) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(timestamp, "timestamp");
        byte[] tail = (username + timestamp).getBytes(StandardCharsets.UTF_8);
        byte[] digest;
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(secret.getBytes(StandardCharsets.UTF_8));
            digest = sha1.digest(tail);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        byte[] all = new byte[digest.length + tail.length];
        System.arraycopy(digest, 0, all, 0, digest.length);
        System.arraycopy(tail, 0, all, digest.length, tail.length);
        return Base64.getEncoder().encodeToString(all);
    }
}
