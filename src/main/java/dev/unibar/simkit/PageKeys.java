package dev.unibar.simkit;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The simulator page's sign-in, as a vendor's login link would do it: whoever starts the simulator gets a
 * page address holding a one-time key; the first request with it opens a session (an HttpOnly cookie of
 * the browser that made it), and the key is spent. A local process that asks for the page without that
 * address gets nothing: there is no secret in any page any more.
 */
final class PageKeys {

    /** Keys handed out and not used yet: a run that asks for thousands of addresses keeps only the latest. */
    private static final int MAX_UNSPENT = 256;
    /** Browsers holding a session: the bar's panel, a test's WebView, a supervisor's tab or two. */
    private static final int MAX_SESSIONS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> unspent = new LinkedHashSet<>();
    private final Set<String> sessions = new LinkedHashSet<>();

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    synchronized String issue() {
        String k = random(24);
        unspent.add(k);
        trim(unspent, MAX_UNSPENT);
        return k;
    }

    /** The new session for an unspent key (which is spent by this), or null. */
    synchronized String redeem(String key) {
        if (key == null || !unspent.remove(key)) return null;
        String session = random(24);
        sessions.add(session);
        trim(sessions, MAX_SESSIONS);
        return session;
    }

    synchronized boolean valid(String session) {
        if (session == null) return false;
        for (String s : sessions) if (same(s, session)) return true;
        return false;
    }

    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void trim(Set<String> set, int max) {
        Iterator<String> it = set.iterator();
        while (set.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
