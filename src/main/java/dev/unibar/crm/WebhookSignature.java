package dev.unibar.crm;

import dev.unibar.config.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code Unibar-Signature} header of a webhook (docs/local-api.md, "Webhooks"), as Stripe signs its own:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>}. The time inside the
 * signed text lets a receiver refuse a replayed request; the body is signed byte for byte as sent (UTF-8).
 */
public final class WebhookSignature {

    public static final String HEADER = "Unibar-Signature";
    public static final String SCHEME = "v1";

    private WebhookSignature() {
    }

    public static String header(Secret secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + "," + SCHEME + "=" + hex(secret, unixSeconds + "." + body);
    }

    /**
     * What a receiver does, for tests and receivers written in Java: true when one {@code v1} of {@code header}
     * matches and its time is within {@code toleranceSeconds} of {@code nowSeconds}.
     */
    public static boolean verify(Secret secret, String header, String body, long nowSeconds, long toleranceSeconds) {
        if (header == null) return false;
        Long t = null;
        java.util.List<String> sigs = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            if (k.equals("t")) {
                try {
                    t = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (k.equals(SCHEME)) {
                sigs.add(v);
            }
        }
        if (t == null || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
        byte[] want = hex(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        for (String s : sigs) {
            if (MessageDigest.isEqual(want, s.getBytes(StandardCharsets.US_ASCII))) return true;
        }
        return false;
    }

    private static String hex(Secret secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every Java runtime
            throw new IllegalStateException(e);
        }
    }
}
