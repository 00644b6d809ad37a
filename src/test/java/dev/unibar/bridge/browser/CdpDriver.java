package dev.unibar.bridge.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A headless Chromium a test drives with the project's own DevTools code (the pipe transport and CDP client of
 * browser mode): open a page, evaluate script and await its promise, set a permission. For end-to-end tests of
 * what a web page can do against the bar (issue 23's CRM page).
 */
public final class CdpDriver implements AutoCloseable {

    private static final long STEP = 60;
    private final PipeTransport transport;
    private final CdpConnection cdp;
    private final String sessionId;

    private CdpDriver(PipeTransport transport, CdpConnection cdp, String sessionId) {
        this.transport = transport;
        this.cdp = cdp;
        this.sessionId = sessionId;
    }

    /** Launches {@code options}' browser with its extra switches and attaches to its first page. */
    public static CdpDriver launch(BrowserOptions options, Consumer<String> console) throws Exception {
        PipeTransport t = PipeTransport.launch(options.command(), options.profileDir(), TimeUnit.SECONDS.toMillis(STEP));
        String[] session = new String[1];
        CdpConnection c = new CdpConnection(t, e -> {
            if (console != null && e.method().equals("Runtime.exceptionThrown")) {
                console.accept("exception: " + e.params().path("exceptionDetails").path("exception").path("description")
                        .asText(e.params().path("exceptionDetails").path("text").asText()));
            } else if (console != null && e.method().equals("Log.entryAdded")) {
                console.accept("log: " + e.params().path("entry").path("text").asText() + " "
                        + e.params().path("entry").path("url").asText());
            } else if (console != null && System.getProperty("cdp.network") != null && e.method().startsWith("Network.")
                    && !e.method().equals("Network.dataReceived")) {
                console.accept(e.method() + " " + e.params().path("request").path("url").asText(
                        e.params().path("response").path("url").asText(e.params().path("errorText").asText()))
                        + " " + e.params().path("requestId").asText());
            } else if (console != null && e.method().equals("Runtime.consoleAPICalled")) {
                StringBuilder b = new StringBuilder();
                for (JsonNode a : e.params().path("args")) b.append(a.path("value").asText(a.path("description").asText())).append(' ');
                console.accept(b.toString().trim());
            }
        }, () -> { });
        // A page of its own: the window the browser opened with may be a new-tab page in a WebUI process.
        String targetId = c.send("Target.createTarget", CdpConnection.params().put("url", "about:blank"))
                .get(STEP, TimeUnit.SECONDS).path("targetId").asText();
        session[0] = c.send("Target.attachToTarget", CdpConnection.params().put("targetId", targetId).put("flatten", true))
                .get(STEP, TimeUnit.SECONDS).path("sessionId").asText();
        c.send(session[0], "Page.enable", null).get(STEP, TimeUnit.SECONDS);
        c.send(session[0], "Runtime.enable", null).get(STEP, TimeUnit.SECONDS);
        c.send(session[0], "Log.enable", null).get(STEP, TimeUnit.SECONDS);
        if (System.getProperty("cdp.network") != null) c.send(session[0], "Network.enable", null).get(STEP, TimeUnit.SECONDS);
        return new CdpDriver(t, c, session[0]);
    }

    /** Navigates and waits for the load event's answer (Page.navigate returns once the document commits). */
    public void open(String url) throws Exception {
        JsonNode r = cdp.send(sessionId, "Page.navigate", CdpConnection.params().put("url", url)).get(STEP, TimeUnit.SECONDS);
        if (r.hasNonNull("errorText")) throw new IOException("navigation to " + url + " failed: " + r.path("errorText").asText());
    }

    /** Evaluates {@code expression} in the page, awaiting a promise; the value as JSON, or null. */
    public JsonNode eval(String expression) throws Exception {
        ObjectNode p = CdpConnection.params().put("expression", expression).put("awaitPromise", true).put("returnByValue", true);
        JsonNode r = cdp.send(sessionId, "Runtime.evaluate", p).get(STEP, TimeUnit.SECONDS);
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page threw: " + r.path("exceptionDetails").path("exception").path("description")
                    .asText(r.path("exceptionDetails").toString()));
        }
        return r.path("result").path("value");
    }

    /**
     * {@code Browser.setPermission} for one origin; false when this browser does not know the permission. Chromium
     * 156 asks before a public site reaches loopback under {@code loopback-network} (Local Network Access).
     */
    public boolean grant(String permission, String origin) {
        ObjectNode p = CdpConnection.params().put("origin", origin).put("setting", "granted");
        p.putObject("permission").put("name", permission);
        try {
            cdp.send("Browser.setPermission", p).get(STEP, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Raw protocol access for what the methods above do not cover. */
    public CompletableFuture<JsonNode> send(String method, ObjectNode params, boolean page) {
        return cdp.send(page ? sessionId : null, method, params);
    }

    public static ObjectNode params() {
        return CdpConnection.params();
    }

    @Override
    public void close() {
        try {
            cdp.send("Browser.close", null).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // killed below
        }
        Process p = transport.process();
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        transport.close();
    }
}
