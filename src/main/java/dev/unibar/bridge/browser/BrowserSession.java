package dev.unibar.bridge.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.bridge.WebPageChannel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running browser and its app window, attached over its DevTools transport (pipe or port): the shim and the binding are
 * registered in the window before anything loads there. Blocking calls are for the channel's own thread;
 * {@link Listener} is called on the pipe's reader thread and must only hand work on.
 */
final class BrowserSession {

    interface Listener {
        /** A binding call, with the origin of the context that made it (null when unknown). */
        void bindingCalled(String origin, String payload);

        /** A message over the transport's limit was skipped (a binding call too big to hold, most likely). */
        void oversized(long bytes);

        /** The top frame has a new context of a trusted origin: what Java tells its shim, as a script (or null). */
        String configureTrustedTop(String origin);

        void windowClosed(BrowserSession s);

        void rendererCrashed(BrowserSession s);

        void disconnected(BrowserSession s);

        /** The window's top frame committed a new document, of this origin as the browser reports it. */
        void documentCommitted(String origin);
    }

    static final String BINDING = "unibarCdpDeliver";
    /** The isolated world that alone has the binding (never the page's own scripts, nor any frame's). */
    static final String WORLD = "unibar";
    /** What the shim's bridge dispatches on the top document, for the isolated world to carry to the binding. */
    static final String BATCH_EVENT = "unibar-cdp-batch";
    private static final long STEP_SECONDS = 30;
    private static volatile String shim;

    private final Process process;
    private final Listener listener;
    private final Map<Integer, String> contextOrigins = new ConcurrentHashMap<>();
    private volatile CdpConnection cdp;
    private volatile String targetId;
    private volatile String sessionId;
    private volatile boolean windowGone;

    private BrowserSession(Process process, Listener listener) {
        this.process = process;
        this.listener = listener;
    }

    /**
     * @param trustedOnlyConfig what every top document's shim is told at once (the trusted origins, no secret)
     */
    static BrowserSession launch(BrowserOptions options, Collection<String> micOrigins, String trustedOnlyConfig,
                                 Listener listener) throws IOException {
        Path profile = privateDir(options.profileDir());
        long timeout = TimeUnit.SECONDS.toMillis(STEP_SECONDS);
        LaunchedTransport transport = switch (options.transport()) {
            case PIPE -> PipeTransport.launch(options.command(), profile, timeout);
            case PORT -> PortTransport.launch(options.command(), profile, timeout);
        };
        BrowserSession s = new BrowserSession(transport.process(), listener);
        s.cdp = new CdpConnection(transport, s::event, () -> listener.disconnected(s));
        try {
            s.attach(micOrigins, trustedOnlyConfig);
        } catch (IOException | RuntimeException e) {
            // A browser gone during the attach says why better than the closed connection does.
            // Its words are read before the kill, which closes the stream they are drained from.
            String exit = s.exitedWithin(200) ? BrowserOutput.exitOf(s.process, transport.output()) : "";
            s.kill();
            if (!exit.isEmpty()) throw new IOException(exit, e);
            throw e;
        }
        return s;
    }

    Process process() {
        return process;
    }

    private boolean exitedWithin(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean alive() {
        return process.isAlive() && !cdp.isClosed() && !windowGone;
    }

    void navigate(String url) {
        cdp.send(sessionId, "Page.navigate", CdpConnection.params().put("url", url));
    }

    /**
     * Runs a script in the top frame's global scope, with the WebView channel's contract: the completion
     * value as a string (objects as JSON, null and undefined as null), or a {@link WebPageChannel.JsException}.
     */
    CompletableFuture<String> evaluate(String script) {
        ObjectNode p = CdpConnection.params().put("expression", script).put("returnByValue", true);
        return cdp.send(sessionId, "Runtime.evaluate", p).handle((r, e) -> {
            if (e != null) {
                Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                throw new WebPageChannel.JsException(String.valueOf(c.getMessage()), c);
            }
            JsonNode ex = r.get("exceptionDetails");
            if (ex != null) throw new WebPageChannel.JsException(errorText(ex), null);
            return valueText(r.path("result"));
        });
    }

    /** What the agent does by closing the window (tests). */
    CompletableFuture<Void> closeWindow() {
        return cdp.send("Target.closeTarget", CdpConnection.params().put("targetId", targetId)).thenApply(r -> null);
    }

    /** Asks the browser to quit, then makes sure it does. */
    void shutDown() {
        try {
            cdp.send("Browser.close", null).get(3, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // a browser that does not answer is killed below
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        cdp.close();
    }

    void kill() {
        windowGone = true;
        // The browser's own helper processes (renderers, GPU) go with their parent's pipe, but not always at once.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (cdp != null) cdp.close();
    }

    private void attach(Collection<String> micOrigins, String trustedOnlyConfig) throws IOException {
        await(cdp.send("Target.setDiscoverTargets", CdpConnection.params().put("discover", true)));
        targetId = findAppWindow();
        JsonNode attached = await(cdp.send("Target.attachToTarget",
                CdpConnection.params().put("targetId", targetId).put("flatten", true)));
        sessionId = attached.path("sessionId").asText();
        for (String origin : micOrigins) {
            ObjectNode p = CdpConnection.params().put("origin", origin);
            p.putArray("permissions").add("audioCapture");
            await(cdp.send("Browser.grantPermissions", p));
        }
        // The binding exists only in Unibar's isolated world, and that world carries batches only in the top
        // frame: no frame of any origin, nor a page script, can call it (issue 22).
        await(cdp.send(sessionId, "Runtime.addBinding", CdpConnection.params().put("name", BINDING)
                .put("executionContextName", WORLD)));
        await(cdp.send(sessionId, "Page.enable", null));
        await(cdp.send(sessionId, "Page.addScriptToEvaluateOnNewDocument", CdpConnection.params()
                .put("source", isolatedCarrier()).put("worldName", WORLD)));
        await(cdp.send(sessionId, "Page.addScriptToEvaluateOnNewDocument", CdpConnection.params()
                .put("source", prelude(trustedOnlyConfig))));
        await(cdp.send(sessionId, "Inspector.enable", null));
        await(cdp.send(sessionId, "Runtime.enable", null));
    }

    /** The app window's page target; it may take a moment to appear after the browser starts. */
    private String findAppWindow() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode targets = await(cdp.send("Target.getTargets", null)).path("targetInfos");
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) return t.path("targetId").asText();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        throw new IOException("the browser opened no window");
    }

    /** On the reader thread: keep it short. */
    private void event(CdpConnection.CdpEvent e) {
        JsonNode p = e.params();
        switch (e.method()) {
            case "Runtime.executionContextCreated" -> {
                if (!e.sessionId().equals(sessionId)) return;
                JsonNode c = p.path("context");
                String origin = c.path("origin").asText("");
                contextOrigins.put(c.path("id").asInt(), origin);
                JsonNode aux = c.path("auxData");
                if (aux.path("isDefault").asBoolean(false) && aux.path("frameId").asText("").equals(targetId)) {
                    configure(c.path("id").asInt(), origin);
                }
            }
            case CdpConnection.OVERSIZED_EVENT -> listener.oversized(p.path("bytes").asLong());
            case "Runtime.executionContextDestroyed" -> contextOrigins.remove(p.path("executionContextId").asInt());
            case "Runtime.executionContextsCleared" -> contextOrigins.clear();
            case "Runtime.bindingCalled" -> {
                if (!BINDING.equals(p.path("name").asText()) || !e.sessionId().equals(sessionId)) return;
                listener.bindingCalled(contextOrigins.get(p.path("executionContextId").asInt()), p.path("payload").asText());
            }
            case "Target.targetDestroyed" -> {
                if (p.path("targetId").asText().equals(targetId)) gone();
            }
            case "Target.detachedFromTarget" -> {
                if (p.path("sessionId").asText().equals(sessionId)) gone();
            }
            case "Page.frameNavigated" -> {
                JsonNode frame = p.path("frame");
                if (e.sessionId().equals(sessionId) && !frame.has("parentId")) {
                    listener.documentCommitted(frame.path("securityOrigin").asText(""));
                }
            }
            case "Inspector.targetCrashed" -> listener.rendererCrashed(this);
            default -> {
            }
        }
    }

    /** The page's main world in the top frame, of an origin the channel trusts, gets what only it may hold. */
    private void configure(int contextId, String origin) {
        String script = listener.configureTrustedTop(origin);
        if (script == null) return;
        cdp.send(sessionId, "Runtime.evaluate", CdpConnection.params().put("expression", script).put("contextId", contextId));
    }

    private void gone() {
        if (windowGone) return;
        windowGone = true;
        listener.windowClosed(this);
    }

    private static JsonNode await(CompletableFuture<JsonNode> f) throws IOException {
        try {
            return f.get(STEP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the browser did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String valueText(JsonNode result) {
        String type = result.path("type").asText();
        if ("undefined".equals(type) || "null".equals(result.path("subtype").asText())) return null;
        JsonNode v = result.get("value");
        if (v == null) return result.path("description").asText(null);
        if (v.isNull()) return null;
        return v.isContainerNode() ? v.toString() : v.asText();
    }

    private static String errorText(JsonNode details) {
        JsonNode ex = details.path("exception");
        String name = ex.path("className").asText("Error");
        String description = ex.path("description").asText("");
        if (description.isEmpty()) {
            JsonNode value = ex.get("value");
            description = value == null ? details.path("text").asText("error") : value.asText();
            return name + ": " + description;
        }
        // "TypeError: x is not a function\n    at <anonymous>:1:1": the first line is the WebView's message.
        int nl = description.indexOf('\n');
        return nl < 0 ? description : description.substring(0, nl);
    }

    /** The profile folder, made private to the user where the file system can say so. */
    static Path privateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder under %LOCALAPPDATA% inherits the user's own ACL
        }
        return dir;
    }

    /**
     * Runs first in every new document of the window, in Unibar's isolated world: in the top frame it carries
     * the shim's batches, which the page's world dispatches as events on the document (strings cross worlds,
     * functions do not), to the binding that exists only here. In other frames it does nothing.
     */
    static String isolatedCarrier() {
        return "if (window === window.top) {\n"
                + "  (function () {\n"
                + "    var send = window." + BINDING + ";\n"
                + "    if (typeof send !== 'function') return;\n"
                + "    document.addEventListener('" + BATCH_EVENT + "', function (e) {\n"
                + "      if (typeof e.detail === 'string') send(e.detail);\n"
                + "    }, true);\n"
                + "  })();\n"
                + "}\n";
    }

    /**
     * Runs first in every new document of the window, in the page's world: the top frame gets a
     * {@code window.unibarBridge} that hands batches to the isolated world, then the shim itself, already
     * attached with the trusted origins (no secret: this runs in top documents of any origin). Frames get
     * nothing, as in the WebView.
     */
    static String prelude(String trustedOnlyConfig) {
        return "if (window === window.top) {\n"
                + "(function () {\n"
                + "  var d = document;\n"
                + "  Object.defineProperty(window, 'unibarBridge', {value: Object.freeze({deliver: function (batch) {"
                + " d.dispatchEvent(new CustomEvent('" + BATCH_EVENT + "', {detail: String(batch)})); }})});\n"
                + "})();\n"
                + shim() + "\n"
                + ";if (window.unibar && window.unibar.attached) window.unibar.attached(" + trustedOnlyConfig + ");\n"
                + "}\n";
    }

    private static String shim() {
        String s = shim;
        if (s != null) return s;
        try (InputStream in = WebPageChannel.class.getResourceAsStream("shim.js")) {
            if (in == null) throw new IllegalStateException("shim.js missing from the classpath");
            s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        shim = s;
        return s;
    }
}
