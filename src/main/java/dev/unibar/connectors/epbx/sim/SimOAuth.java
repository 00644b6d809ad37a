package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.unibar.connectors.epbx.sim.EpbxHttp.json;
import static dev.unibar.connectors.epbx.sim.EpbxHttp.parse;
import static dev.unibar.connectors.epbx.sim.EpbxHttp.text;

/**
 * The middleware's OAuth: the password and refresh-token grants of {@code oauth2/Token}, with the error
 * shapes of OWIN's OAuth server, and who a request's bearer token names.
 */
final class SimOAuth {

    private final EpbxSimulator sim;

    SimOAuth(EpbxSimulator sim) {
        this.sim = sim;
    }

    boolean token(Request request, Response response, Callback callback) throws Exception {
        Map<String, String> form = parse(Content.Source.asString(request, StandardCharsets.UTF_8));
        String grant = form.getOrDefault("grant_type", "");
        String user;
        if (grant.equals("password")) {
            EpbxUser u = sim.users.get(form.getOrDefault("username", ""));
            if (u == null || !u.password().equals(form.get("password"))) {
                sim.noteGrant(grant, null);
                return oauthError(response, callback, "invalid_grant", "The user name or password is incorrect.");
            }
            user = u.username();
        } else if (grant.equals("refresh_token")) {
            if (sim.refuseRefresh) {
                sim.noteGrant(grant, null);
                return oauthError(response, callback, "invalid_grant", "The refresh token was refused.");
            }
            user = sim.tokens.redeem(form.get("refresh_token"));
            if (user == null || !sim.users.containsKey(user)) {
                sim.noteGrant(grant, null);
                return oauthError(response, callback, "invalid_grant", "The refresh token is invalid.");
            }
        } else {
            sim.noteGrant(grant, null);
            return oauthError(response, callback, "unsupported_grant_type", "grant_type must be password or refresh_token");
        }
        TokenStore.Issued t = sim.tokens.issue(user);
        sim.noteGrant(grant, t.accessToken());
        ObjectNode n = sim.json.createObjectNode();
        n.put("access_token", t.accessToken());
        n.put("token_type", "bearer");
        n.put("expires_in", t.expiresInSeconds());
        n.put("refresh_token", t.refreshToken());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        return json(response, callback, 200, n);
    }

    private boolean oauthError(Response response, Callback callback, String error, String description) {
        ObjectNode n = sim.json.createObjectNode();
        n.put("error", error);
        n.put("error_description", description);
        return json(response, callback, 400, n);
    }

    /** The token from {@code access_token} or an {@code Authorization: Bearer} header (Core clients). */
    String user(Request request, Map<String, String> q) {
        String t = q.get("access_token");
        if (t == null) {
            String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) t = h.substring(7).trim();
        }
        return sim.tokens.user(t);
    }

    boolean unauthorized(Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        return text(response, callback, 401, "text/plain", "Unauthorized");
    }
}
