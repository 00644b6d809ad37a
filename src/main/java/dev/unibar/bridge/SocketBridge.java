package dev.unibar.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.CookieHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The object a page sees as {@code window.unibarSockets}: one per document, created by
 * {@link WebSocketRelay#attach}. WebKit reaches it by reflection, so the class and its methods are
 * public and no method is overloaded (an ambiguous call is silently dropped). The methods run on the
 * FX thread, never throw into the page, and answer through events: {@code open},
 * {@code text}, {@code binary} (base64) and {@code close} ({@code code}, {@code reason},
 * {@code wasClean}, {@code failed}: the page fires {@code error} first when failed).
 *
 * <p>The {@code Origin} header is the origin Java read from the window when it attached, not one the
 * page passes: page scripts must not be able to claim another origin to a vendor's server.
 */
public final class SocketBridge {

    private static final System.Logger LOG = System.getLogger(SocketBridge.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_SOCKETS = 200;
    private static final int MAX_BATCH_EVENTS = 2000;
    private static final int MAX_BATCH_CHARS = 1 << 20;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private final WebSocketRelay relay;
    private final String origin;
    private final String userAgent;
    private final Consumer<String> deliver;
    private final Map<Integer, RelayedSocket> sockets = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private List<String> pending = new ArrayList<>();
    private boolean scheduled;
    private volatile boolean retired;

    SocketBridge(WebSocketRelay relay, String origin, String userAgent, Consumer<String> deliver) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.origin = origin == null || origin.isBlank() ? "null" : origin;
        this.userAgent = userAgent;
        this.deliver = Objects.requireNonNull(deliver, "deliver");
    }

    /** Opens page socket {@code id} to a ws:// or wss:// URL, offering the subprotocols (a JSON array). */
    public void open(int id, String url, String protocolsJson) {
        if (retired) return;
        URI uri = socketUri(url);
        List<String> protocols = protocols(protocolsJson);
        if (uri == null || protocols == null || sockets.containsKey(id) || sockets.size() >= MAX_SOCKETS) {
            LOG.log(System.Logger.Level.INFO, "page WebSocket refused: "
                    + (uri == null ? "not a ws(s) URL" : protocols == null ? "bad subprotocols"
                    : sockets.containsKey(id) ? "id in use" : "too many sockets"));
            relay.failed.incrementAndGet();
            post(id, "close", closePayload(1006, "", false, true));
            return;
        }
        if (!relay.allows(uri)) {
            relay.refused.incrementAndGet();
            post(id, "close", closePayload(1006, "", false, true));
            return;
        }
        RelayedSocket s = new RelayedSocket(this, id, uri, protocols, headers(uri));
        sockets.put(id, s);
        try {
            s.connect();
        } catch (RuntimeException e) {
            sockets.remove(id);
            relay.failed.incrementAndGet();
            post(id, "close", closePayload(1006, "", false, true));
        }
    }

    /** A text message from the page; dropped when the socket is not open (the page learns of the close soon). */
    public void send(int id, String text) {
        RelayedSocket s = sockets.get(id);
        if (s == null || text == null) return;
        if (s.sendText(text)) relay.messagesOut.incrementAndGet();
    }

    /** A binary message from the page, base64-encoded. */
    public void sendBinary(int id, String base64) {
        RelayedSocket s = sockets.get(id);
        if (s == null || base64 == null) return;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (s.sendBytes(bytes)) relay.messagesOut.incrementAndGet();
    }

    /**
     * Closes page socket {@code id}; {@code code} 0 means none given (1000 is sent). A socket still
     * connecting is abandoned: the page has already reported its failure itself.
     */
    public void close(int id, int code, String reason) {
        RelayedSocket s = sockets.get(id);
        if (s == null) return;
        int c = code == 0 ? 1000 : code;
        if (c != 1000 && c != 1001 && (c < 3000 || c > 4999)) c = 1000;
        String r = reason == null ? "" : reason;
        if (r.getBytes(StandardCharsets.UTF_8).length > 123) r = "";
        if (!s.closeFromPage(c, r)) sockets.remove(id);
    }

    /** Sockets of this page that are not closed yet. */
    public int size() {
        return sockets.size();
    }

    // ---------------------------------------------------------------- from the sockets' threads

    WebSocketRelay relay() {
        return relay;
    }

    void closed(RelayedSocket s) {
        sockets.remove(s.id, s);
    }

    boolean isRetired() {
        return retired;
    }

    static Map<String, Object> closePayload(int code, String reason, boolean wasClean, boolean failed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("reason", reason);
        m.put("wasClean", wasClean);
        m.put("failed", failed);
        return m;
    }

    /** Queues one event; the first of a burst schedules a delivery on the FX thread. */
    void post(int id, String type, Object payload) {
        if (retired) return;
        String entry;
        try {
            entry = JSON.writeValueAsString(Arrays.asList(id, type, payload));
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "could not encode a WebSocket event", e);
            return;
        }
        boolean schedule;
        synchronized (lock) {
            pending.add(entry);
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) relay.runOnFx(this::drain);
    }

    /** Runs on the FX thread: hands everything queued so far to the page, in order. */
    void drain() {
        List<String> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
        }
        if (retired || batch.isEmpty()) return;
        int i = 0;
        while (i < batch.size()) {
            StringBuilder sb = new StringBuilder("[");
            int n = 0;
            while (i < batch.size() && n < MAX_BATCH_EVENTS
                    && (n == 0 || sb.length() + batch.get(i).length() < MAX_BATCH_CHARS)) {
                if (n > 0) sb.append(',');
                sb.append(batch.get(i));
                i++;
                n++;
            }
            sb.append(']');
            relay.deliveries.incrementAndGet();
            try {
                deliver.accept(sb.toString());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not hand WebSocket events to the page", e);
                return;
            }
        }
    }

    /** The page is gone: close its sockets and deliver nothing more. Safe from any thread. */
    void retire() {
        retired = true;
        synchronized (lock) {
            pending = new ArrayList<>();
        }
        for (RelayedSocket s : List.copyOf(sockets.values())) s.goingAway();
        sockets.clear();
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, String> headers(URI uri) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Origin", origin);
        if (userAgent != null && !userAgent.isBlank()) h.put("User-Agent", userAgent);
        String cookies = cookies(uri);
        if (cookies != null) h.put("Cookie", cookies);
        return h;
    }

    /** The WebView keeps its cookies in the default CookieHandler: a browser sends them with the handshake. */
    private static String cookies(URI uri) {
        CookieHandler handler = CookieHandler.getDefault();
        if (handler == null) return null;
        try {
            String scheme = uri.getScheme().equalsIgnoreCase("wss") ? "https" : "http";
            URI http = new URI(scheme, uri.getRawAuthority(), uri.getRawPath() == null || uri.getRawPath().isEmpty()
                    ? "/" : uri.getRawPath(), null, null);
            Map<String, List<String>> got = handler.get(http, Map.of());
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : got.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase("Cookie")) values.addAll(e.getValue());
            }
            values.removeIf(v -> v == null || v.isBlank());
            return values.isEmpty() ? null : String.join("; ", values);
        } catch (Exception e) {
            // No cookies is what a socket to a foreign host gets anyway; never fail the open for it.
            return null;
        }
    }

    static URI socketUri(String url) {
        if (url == null) return null;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss")) return null;
            if (uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) return null;
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static List<String> protocols(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            List<String> list = JSON.readValue(json, new TypeReference<List<String>>() { });
            for (String p : list) {
                if (p == null || !TOKEN.matcher(p).matches()) return null;
            }
            return List.copyOf(list);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
