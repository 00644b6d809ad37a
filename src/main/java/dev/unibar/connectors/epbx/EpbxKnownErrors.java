package dev.unibar.connectors.epbx;

import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices.Refusal;

import java.util.Map;

/**
 * EPBX's own error texts that Unibar knows (docs/vendors/epbx-protocol.md): each becomes a keyed sentence in the
 * agent's language, the middleware's Portuguese (or the OAuth server's English) kept as its detail. A text not
 * listed here still reaches the agent as EPBX wrote it.
 */
final class EpbxKnownErrors {

    /** The hub's refusals: the one the vendor's JS adapter matches, and the two states a device cannot be in twice. */
    private static final Map<String, String> HUB = Map.of(
            EpbxHubSession.NOT_LOGGED, "vendor.notLoggedIn",
            "Ramal já possui uma chamada em curso", "vendor.extensionBusy",
            "Ramal já está logado", "vendor.extensionInUse");

    /** ASP.NET Core wraps a HubException's text in its own sentence; the vendor's words follow this marker. */
    private static final String CORE_PREFIX = "HubException: ";

    private EpbxKnownErrors() {
    }

    /** The hub's text as a keyed refusal, or null when Unibar does not know it. */
    static Refusal refusal(String serverText) {
        String key = key(serverText);
        return key == null ? null : Refusal.known(serverText, key);
    }

    static String key(String serverText) {
        if (serverText == null) return null;
        String t = serverText.strip();
        int i = t.lastIndexOf(CORE_PREFIX);
        if (i >= 0) t = t.substring(i + CORE_PREFIX.length()).strip();
        return HUB.get(t);
    }

    /** {@code onLogadoErro}: the middleware's exception text, keyed when known. */
    static Event.SessionError loginError(String vendor, String serverText) {
        String key = key(serverText);
        return key == null ? new Event.SessionError(vendor, null, serverText, null)
                : Event.SessionError.known(vendor, null, null, serverText, key);
    }

    /**
     * The OAuth server's refusal of a password grant: {@code invalid_grant} is a wrong user name or password
     * (ASP.NET's OAuth server words it "The user name or password is incorrect.").
     */
    static EpbxFailure passwordRefused(OAuthClient.RefusedException e) {
        return "invalid_grant".equals(e.error()) ? EpbxFailure.known(e.getMessage(), "vendor.wrongPassword") : e;
    }
}
