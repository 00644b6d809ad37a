package dev.unibar.localapi;

import com.sun.net.httpserver.HttpServer;
import dev.unibar.config.CrmConfig;
import dev.unibar.config.Secret;
import dev.unibar.core.model.Event;
import dev.unibar.crm.WebhookSender;
import dev.unibar.journal.Outbox;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API token and a webhook's secret never reach a log line, an event, the inspector or a status the bar shows,
 * whatever goes wrong: wrong tokens, a failing receiver, commands from a program that holds the token.
 */
class SecretsStayHomeTest {

    @TempDir
    Path dir;

    @Test
    void theTokenAndTheWebhookSecretAppearNowhere() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String secret = "whsec_never_to_be_seen_42";
        HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        failing.createContext("/", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        failing.start();
        List<Outbox.Status> statuses = new CopyOnWriteArrayList<>();
        try (ApiRig r = new ApiRig(dir, new TestVendor(), 50, List.of())) {
            String token = Files.readString(dir.resolve("localapi/token")).trim();
            r.journal.logging().logTo(List.of("crm"), Duration.ofSeconds(120));
            CrmConfig.Webhook hook = new CrmConfig.Webhook("crm", URI.create("http://127.0.0.1:"
                    + failing.getAddress().getPort() + "/hook?key=" + secret), Secret.of(secret), 2);
            try (WebhookSender sender = new WebhookSender(hook, r.journal.outbox(), Clock.systemUTC(),
                    new WebhookSender.Backoff(Duration.ofMillis(20), Duration.ofMillis(50)), WebhookSender.DEAD_AFTER,
                    statuses::add).start()) {
                r.journal.logging().onOutboxChange(sender::poke);
                r.vendor.ready();
                try (ApiRig.Client program = r.connect(null, token)) {
                    program.next("hello");
                    r.vendor.ring("s1", "100", null);
                    r.vendor.emit(new Event.CallEnded("ucs", null, "s1", null), new Event.CallFinished("ucs", null, "s1"));
                    program.command("{\"type\":\"command\",\"id\":\"x\",\"command\":\"setCallData\",\"data\":{\"a\":\"b\"}}");
                    r.post(null, token + "wrong", "{\"type\":\"command\",\"command\":\"snapshot\"}");
                    r.post(null, "Bearer " + token, "{\"type\":\"command\",\"command\":\"snapshot\"}");
                    Wait.until("a few failed deliveries", Duration.ofSeconds(20), () -> statuses.size() >= 3);
                    List<String> everything = new java.util.ArrayList<>(logged);
                    program.messages.forEach(m -> everything.add(m.toString()));
                    program.passed.forEach(m -> everything.add(m.toString()));
                    r.session.inspector().snapshot().forEach(e -> everything.add(e.toString()));
                    statuses.forEach(s -> everything.add(s.toString()));
                    everything.add(hook.toString());
                    everything.add(r.token.toString());
                    assertTrue(logged.stream().anyMatch(l -> l.contains("Webhook crm: delivery failed")), "the failure was logged");
                    for (String line : everything) {
                        assertFalse(line.contains(token), "token in: " + line);
                        assertFalse(line.contains(secret), "webhook secret in: " + line);
                    }
                }
            }
        } finally {
            root.removeHandler(capture);
            failing.stop(0);
        }
    }
}
