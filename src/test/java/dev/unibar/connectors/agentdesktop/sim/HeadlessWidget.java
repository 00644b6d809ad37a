package dev.unibar.connectors.agentdesktop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in, without a browser, for Unibar's widget page inside the simulated AgentDesktop: it speaks the
 * widget server's HTTP exactly as widget.html does (the token the vendor panel hands it, status, events, commands,
 * results) and hands each command to the simulator as the fake SDK's postMessage would. The fake SDK
 * never throws, so every result is ok, as in the browser. Tests call {@link #pump()} after driving the
 * simulator's supervisor side; commands pump by themselves. Without a simulator it forwards the lines a
 * test gives it (captures).
 */
public final class HeadlessWidget implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentDesktopSimulator sim;
    private final String origin;
    private final String token;
    private final String instance = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Thread poller;
    private volatile boolean closed;
    private int forwarded;

    /**
     * @param token the widget's per-run token, which the bar's vendor panel hands the real page (decision 0037);
     *              the page itself never carries it
     */
    public HeadlessWidget(AgentDesktopSimulator sim, String widgetUri, String token) throws IOException, InterruptedException {
        this.sim = sim;
        URI u = URI.create(widgetUri);
        this.origin = u.getScheme() + "://" + u.getAuthority();
        this.token = token;
        if (sim != null) sim.invoke("WIDGET", "bindContactCallback", List.of());
        post("/agentdesktop/status", Map.of("instance", instance, "ready", true, "container", "headless"));
        forwarded = sim == null ? 0 : sim.sentEvents().size();
        poller = new Thread(this::poll, "headless-widget");
        poller.setDaemon(true);
        poller.start();
    }

    /** Forwards the contact data strings the simulator sent since the last pump, unchanged, in order. */
    public synchronized void pump() throws IOException, InterruptedException {
        if (sim == null) return;
        List<String> sent = sim.sentEvents();
        if (sent.size() <= forwarded) return;
        List<String> batch = new ArrayList<>(sent.subList(forwarded, sent.size()));
        forwarded = sent.size();
        forward(batch);
    }

    /** Forwards data strings as the page does with what its SDK callback received (with no simulator: captures). */
    public synchronized void forward(List<String> lines) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request("/agentdesktop/events", Map.of("instance", instance, "lines", lines)),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("events refused: HTTP " + r.statusCode());
    }

    private void poll() {
        while (!closed) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/agentdesktop/commands?instance=" + instance))
                        .header("X-Unibar-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) return;
                for (JsonNode c : JSON.readTree(r.body()).path("commands")) {
                    List<Object> args = new ArrayList<>();
                    for (JsonNode a : c.path("args")) args.add(a.isNull() ? null : a.asText());
                    if (sim != null) sim.invoke(c.path("ns").asText(), c.path("name").asText(), args);
                    pump();
                    post("/agentdesktop/results", Map.of("instance", instance, "id", c.path("id").asLong(), "ok", true));
                }
            } catch (IOException e) {
                if (closed) return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void post(String path, Object body) throws IOException, InterruptedException {
        http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(origin + path)).header("X-Unibar-Token", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
    }
}
