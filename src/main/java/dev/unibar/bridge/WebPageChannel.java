package dev.unibar.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;
import org.w3c.dom.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A vendor web bar hosted in a JavaFX {@link WebView}: page events come in through the shim and the
 * {@link CapturePipeline}, commands go out as scripts.
 *
 * <p>Created on the FX thread. Holds strong references to the view, its engine and the
 * {@link JsBridge}: JavaScript holds the bridge only weakly, and a WebView nothing references is
 * collected with its page. Whoever shows the bar must keep this object, not just the node.
 *
 * <p>Each document the main frame loads is checked first: only a document whose origin (read by Java
 * from the loaded URL, never from anything the page wrote) is one the {@link OriginPolicy} trusts gets a
 * bridge, and that bridge is its own, bound to that origin and retired when the document goes. A
 * document the vendor script navigated elsewhere gets no shim, no {@code unibarBridge} and no
 * {@code unibarSockets} (issue 13, findings 1 and 2). A trusted document gets {@code window.unibarBridge}
 * and {@code unibar.attached()} when it becomes available and again at {@code SUCCEEDED} (unless that
 * window already has it); the shim queues whatever the page captured before that. A page loaded
 * without the shim gets it injected then, so its later {@code postMessage} traffic is still seen.
 *
 * <p>With the bridge, each document gets its own {@link SocketBridge} as {@code window.unibarSockets}:
 * the shim's WebSocket relay (the WebView's own WebSocket never opens, see {@link WebSocketRelay}).
 * A new document closes the previous one's relayed sockets.
 */
public final class WebPageChannel implements PageChannel, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebPageChannel.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String shimSource;

    private final WebView view;
    private final WebEngine engine;
    private final CapturePipeline pipeline;
    private final ShimConfig shimConfig;
    /** The current document's bridge; null while the document is not one of the policy's origins. */
    private JsBridge bridge;
    private final WebSocketRelay sockets;
    /** JavaScript holds the current window's socket bridge only weakly. */
    private SocketBridge socketBridge;
    private final AtomicLong attachments = new AtomicLong();
    private final AtomicLong refusedDocuments = new AtomicLong();
    private volatile boolean closed;

    /** Must be called on the FX thread. */
    public WebPageChannel(OriginPolicy policy) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("WebPageChannel must be created on the FX thread");
        }
        this.pipeline = new CapturePipeline(Objects.requireNonNull(policy, "policy"));
        this.shimConfig = new ShimConfig(policy);
        this.sockets = new WebSocketRelay(pipeline.policy());
        WebKitSockets.closeToLoopback();
        this.view = new WebView();
        this.engine = view.getEngine();
        // The document is there long before SUCCEEDED when a frame (the vendor bar, over the internet)
        // is slow: attach then, so captures flow while the frame loads. SUCCEEDED attaches again in
        // case the first attempt came too early; attach() skips a window that already has the bridge.
        engine.documentProperty().addListener((obs, old, doc) -> {
            // The old document is gone: its bridge and sockets go with it, before anything reaches the new one.
            sockets.retire();
            socketBridge = null;
            if (bridge != null) bridge.retire();
            bridge = null;
            if (doc != null) bind(doc);
        });
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                attach();
            } else if (state == Worker.State.FAILED) {
                Throwable t = engine.getLoadWorker().getException();
                LOG.log(System.Logger.Level.WARNING, "page failed to load: " + withoutQuery(engine.getLocation())
                        + (t == null ? "" : " (" + t.getMessage() + ")"));
            }
        });
    }

    /** Creates a channel on the FX thread from any thread. */
    public static CompletableFuture<WebPageChannel> create(OriginPolicy policy) {
        CompletableFuture<WebPageChannel> f = new CompletableFuture<>();
        onFx(() -> {
            try {
                f.complete(new WebPageChannel(policy));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** The node for the UI's (collapsible) vendor panel. */
    public WebView view() {
        return view;
    }

    /** Counters of what crossed the bridge. */
    public CapturePipeline pipeline() {
        return pipeline;
    }

    public OriginPolicy policy() {
        return pipeline.policy();
    }

    /** The page's relayed WebSockets and their counters. */
    public WebSocketRelay sockets() {
        return sockets;
    }

    /** Documents outside the policy's origins, which got no bridge, no relay and no shim. */
    public long refusedDocuments() {
        return refusedDocuments.get();
    }

    /** The current document's bridge, or null when it has none. FX thread. */
    JsBridge currentBridge() {
        return bridge;
    }

    /** How many page windows the bridge was attached to (one per load, reload or navigation). */
    public long attachments() {
        return attachments.get();
    }

    @Override
    public void load(String url) {
        Objects.requireNonNull(url, "url");
        onFx(() -> engine.load(url));
    }

    @Override
    public void setCaptureHandler(CaptureHandler handler) {
        pipeline.setHandler(handler);
    }

    /** Told to the current trusted document at once, and to every trusted one after it when it attaches. */
    @Override
    public void shareWithFrames(String frameOrigin, String secret) {
        shimConfig.shareWithFrames(frameOrigin, secret);
        onFx(() -> {
            if (closed || bridge == null || attachments.get() == 0) return;
            try {
                JSObject window = (JSObject) engine.executeScript("window");
                if (window.getMember("unibarBridge") == bridge) configure();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "the page could not take its frames' secrets yet: " + e.getMessage());
            }
        });
    }

    private void configure() {
        engine.executeScript("window.unibar && window.unibar.attached(" + shimConfig.json() + ")");
    }

    /**
     * Runs a script in the page's global scope on the FX thread. Completes with the completion value
     * as a string (objects as JSON, {@code undefined} and {@code null} as null) or fails with a
     * {@link JsException} carrying the JavaScript error's message. Completion happens on the FX
     * thread: use the {@code *Async} stage methods for anything slow.
     */
    @Override
    public CompletableFuture<String> call(String script) {
        Objects.requireNonNull(script, "script");
        CompletableFuture<String> f = new CompletableFuture<>();
        onFx(() -> {
            try {
                Object r = engine.executeScript(wrap(script));
                complete(f, r);
            } catch (RuntimeException e) {
                // JSException from WebKit itself (e.g. no page yet), not from the wrapped script.
                f.completeExceptionally(new JsException(e.getMessage() == null ? e.toString() : e.getMessage(), e));
            }
        });
        return f;
    }

    /** Stops the worker and unloads the page. Safe from any thread. */
    @Override
    public void close() {
        closed = true;
        pipeline.close();
        sockets.close();
        onFx(() -> engine.load(null));
    }

    /**
     * Binds a new document to a bridge of its own when its origin, as WebKit loaded it, is one the
     * policy trusts (the host page's and the vendor's). Any other document (one the vendor script
     * navigated to, an error page, {@code about:blank}) gets nothing: no shim, no bridge, no relay.
     */
    private void bind(Document doc) {
        String origin = documentOrigin(doc);
        if (origin == null || !pipeline.policy().isTrusted(origin)) {
            refusedDocuments.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "no bridge for a document outside the vendor's origins: "
                    + withoutQuery(doc.getDocumentURI()));
            return;
        }
        bridge = new JsBridge(pipeline, origin);
        pipeline.page(PageEvent.loaded(origin));
        attach();
    }

    /**
     * The origin of the document as the loader fetched it, from Java's side: its URI and the engine's
     * location must agree, and neither is something a page script can set to another origin.
     */
    private String documentOrigin(Document doc) {
        String fromDoc = originOfUrl(doc.getDocumentURI());
        String fromEngine = originOfUrl(engine.getLocation());
        return fromDoc != null && fromDoc.equals(fromEngine) ? fromDoc : null;
    }

    static String originOfUrl(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getRawAuthority() == null) return null;
            return OriginPolicy.normalize(u.getScheme() + "://" + u.getRawAuthority()).orElse(null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private void attach() {
        JsBridge b = bridge;
        if (closed || b == null) return;
        try {
            JSObject window = (JSObject) engine.executeScript("window");
            Object already = engine.executeScript("!!(window.unibar && window.unibar.__shim"
                    + " && window.unibar.isAttached() && window.unibarSockets)");
            if (Boolean.TRUE.equals(already) && window.getMember("unibarBridge") == b) return;
            Object hasShim = engine.executeScript("!!(window.unibar && window.unibar.__shim)");
            if (!Boolean.TRUE.equals(hasShim)) engine.executeScript(shim());
            window.setMember("unibarBridge", b);
            attachSockets(window, b.documentOrigin());
            // Counted before configure(): attaching flushes the page's queued captures, which may reach Java at once.
            attachments.incrementAndGet();
            // Only here, for a document whose origin Java read and trusts: the frames' secrets go nowhere else.
            configure();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not attach the bridge to " + withoutQuery(engine.getLocation()), e);
        }
    }

    private void attachSockets(JSObject window, String origin) {
        Object api = engine.executeScript("(window.unibar && window.unibar.ws) || null");
        if (!(api instanceof JSObject)) return;
        // Attaching again within the same document (socketBridge is reset when the document changes)
        // reuses its bridge: retiring it would close the page's live sockets.
        if (socketBridge != null) {
            if (window.getMember("unibarSockets") != socketBridge) window.setMember("unibarSockets", socketBridge);
            return;
        }
        SocketBridge[] self = new SocketBridge[1];
        SocketBridge b = sockets.attach(origin, engine.getUserAgent(),
                batch -> deliverSocketEvents(self[0], batch));
        self[0] = b;
        socketBridge = b;
        window.setMember("unibarSockets", b);
    }

    /**
     * Looks the page's relay up at each delivery rather than keeping the JSObject from attach time: a
     * JSObject held across page activity was seen to fail ("Invalid function reference") when called
     * later. Events for a window that no longer carries this bridge are dropped.
     */
    private void deliverSocketEvents(SocketBridge b, String batch) {
        JSObject window = (JSObject) engine.executeScript("window");
        if (b == null || window.getMember("unibarSockets") != b) {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket events for a window that is gone were dropped");
            return;
        }
        Object api = engine.executeScript("(window.unibar && window.unibar.ws) || null");
        if (api instanceof JSObject wsApi) wsApi.call("_events", batch);
    }

    static String wrap(String script) {
        String literal;
        try {
            literal = JSON.writeValueAsString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Indirect eval: global scope, and the completion value of statements ("1+1" gives 2).
        return "(function(){try{var r=(0,eval)(" + literal + ");"
                + "if(r===undefined||r===null)return JSON.stringify({ok:true});"
                + "var v;if(typeof r==='object'){try{v=JSON.stringify(r);}catch(x){v=undefined;}"
                + "if(v===undefined)v=String(r);}else{v=String(r);}"
                + "return JSON.stringify({ok:true,v:v});"
                + "}catch(e){var m;try{m=(e&&typeof e==='object'&&'message' in e)?String(e.message):String(e);}"
                + "catch(x){m='unprintable error';}"
                + "var n='Error';try{if(e&&e.name)n=String(e.name);}catch(x){}"
                + "return JSON.stringify({ok:false,m:m,n:n});}})()";
    }

    private static void complete(CompletableFuture<String> f, Object result) {
        if (!(result instanceof String s)) {
            f.completeExceptionally(new JsException("unexpected script result: " + result, null));
            return;
        }
        try {
            JsonNode n = JSON.readTree(s);
            if (n.path("ok").asBoolean(false)) {
                JsonNode v = n.get("v");
                f.complete(v == null || v.isNull() ? null : v.asText());
            } else {
                f.completeExceptionally(new JsException(n.path("n").asText("Error") + ": " + n.path("m").asText(""), null));
            }
        } catch (IOException e) {
            f.completeExceptionally(new JsException("unreadable script result", e));
        }
    }

    private static String shim() {
        String s = shimSource;
        if (s != null) return s;
        try (InputStream in = WebPageChannel.class.getResourceAsStream("shim.js")) {
            if (in == null) throw new IllegalStateException("shim.js missing from the classpath");
            s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shimSource = s;
        return s;
    }

    /** Vendor URLs can carry SSO tokens in the query: never log it. */
    static String withoutQuery(String url) {
        if (url == null) return "";
        int cut = url.length();
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        if (q >= 0) cut = q;
        if (h >= 0 && h < cut) cut = h;
        return url.substring(0, cut);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    /** A script failed in the page; the message is the JavaScript error's name and message. */
    public static final class JsException extends RuntimeException {
        public JsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
