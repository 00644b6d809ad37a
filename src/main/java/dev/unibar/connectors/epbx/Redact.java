package dev.unibar.connectors.epbx;

import java.util.regex.Pattern;

/** Strips access tokens from text that may reach a log line or an agent-visible message. */
final class Redact {

    private static final Pattern QUERY_TOKEN = Pattern.compile("(access_token=)[^&\\s\"']*",
            Pattern.CASE_INSENSITIVE);

    private Redact() {
    }

    static String text(String s, String... secrets) {
        if (s == null) return null;
        String out = QUERY_TOKEN.matcher(s).replaceAll("$1***");
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) out = out.replace(secret, "***");
        }
        return out;
    }
}
