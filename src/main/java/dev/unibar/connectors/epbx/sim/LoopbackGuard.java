package dev.unibar.connectors.epbx.sim;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * In front of everything the simulator serves (issue 13, finding 3): it answered any Origin with
 * credentials, so a web site open in the agent's browser could take OAuth tokens, log into the hub and
 * read {@code sim/recorded}. Now: {@code Host} must be a loopback name with this port (421 otherwise,
 * against DNS rebinding); a browser's {@code Origin} must be loopback {@code http://} or added with
 * {@link #allowOrigin} (403), and only such an origin is echoed by the CORS answers; every
 * {@code /Service/sim/*} request carries this run's secret ({@code X-Sim-Secret} or {@code ?secret=},
 * 401 otherwise). The vendor's own protocol keeps its own auth (OAuth tokens). Like every simulator
 * it may use nothing of Unibar, hence its own copy of what the UCS simulator also does.
 */
final class LoopbackGuard extends Handler.Wrapper {

    static final String SECRET_HEADER = "X-Sim-Secret";

    private final String secret;
    private final IntSupplier port;
    private final Set<String> origins;
    private final Set<Integer> forwarded;

    /** One per server start; the secret, origins and forwarded ports belong to the simulator and outlive restarts. */
    LoopbackGuard(IntSupplier port, String secret, Set<String> origins, Set<Integer> forwarded) {
        this.secret = secret;
        this.port = port;
        this.origins = origins;
        this.forwarded = forwarded;
    }

    static String newSecret() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null || !isLoopback(host.toLowerCase(Locale.ROOT))) {
            return refuse(response, callback, 421, "Host is not loopback");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !originAllowed(origin.toLowerCase(Locale.ROOT))) {
            return refuse(response, callback, 403, "Origin not allowed");
        }
        String path = request.getHttpURI().getDecodedPath();
        boolean control = path != null && path.toLowerCase(Locale.ROOT).startsWith("/service/sim/");
        if (control && !"OPTIONS".equals(request.getMethod()) && !carriesSecret(request)) {
            return refuse(response, callback, 401, "sim/* needs the simulator's secret");
        }
        return super.handle(request, response, callback);
    }

    private boolean isLoopback(String host) {
        for (String name : new String[] {"127.0.0.1:", "localhost:", "[::1]:"}) {
            if (!host.startsWith(name)) continue;
            String p = host.substring(name.length());
            if (p.equals(String.valueOf(port.getAsInt()))) return true;
            return p.matches("\\d{1,5}") && forwarded.contains(Integer.parseInt(p));
        }
        return false;
    }

    private boolean originAllowed(String origin) {
        if (origins.contains(origin)) return true;
        for (String name : new String[] {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
            if (origin.equals(name) || (origin.startsWith(name + ":") && origin.substring(name.length() + 1).matches("\\d{1,5}"))) {
                return true;
            }
        }
        return false;
    }

    private boolean carriesSecret(Request request) {
        String given = request.getHeaders().get(SECRET_HEADER);
        if (given == null) given = Request.extractQueryParameters(request).getValue("secret");
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean refuse(Response response, Callback callback, int status, String why) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(why.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
