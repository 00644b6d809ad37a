package dev.unibar.connectors.max;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;
import dev.unibar.connectors.max.sim.MaxSimState;
import dev.unibar.connectors.max.sim.MaxSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hidden child frame inside a (fake) MAX page in a real WebView: MAX sees a child window register,
 * answers it, and only MAX's answers reach the capture pipeline through the child.
 */
class MaxChildFrameTest {

    private MaxSimulator sim;
    private WebPageChannel channel;
    private final List<JsonNode> captured = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() {
        if (channel != null) channel.close();
        if (sim != null) sim.close();
    }

    private String call(String script) throws Exception {
        return channel.call(script).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theChildRegistersAndOnlyMaxRepliesAreCaptured() throws Exception {
        sim = new MaxSimulator().start();
        channel = WebPageChannel.create(new OriginPolicy(sim.origin())).get(30, TimeUnit.SECONDS);
        channel.setCaptureHandler(new CaptureHandler() {
            public void captured(String origin, JsonNode line, String raw) {
                captured.add(line);
            }
            public void malformed(String raw, String reason) {
            }
            public void dropped(String origin, String raw) {
            }
        });
        channel.load(sim.pageUrl());
        String r = "no-page";
        for (int i = 0; i < 200 && !"new".equals(r); i++) {
            Thread.sleep(50);
            r = call(MaxChildFrame.ensure(sim.origin()));
        }
        assertEquals("new", r);
        assertEquals("same", call(MaxChildFrame.ensure(sim.origin())));
        assertEquals("true", call(MaxChildFrame.send(Map.of("messageType", "RegisterForClientEvents", "issuer", "Unibar",
                "subscriptionTypes", List.of("agent", "contacts")))));
        MaxSimState.Received reg = sim.awaitReceived("RegisterForClientEvents", 0, Duration.ofSeconds(10));
        assertNotNull(reg);
        assertTrue(reg.accepted());
        assertEquals(sim.origin(), reg.origin(), "the child has MAX's origin");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && captured.stream().noneMatch(l -> "MAX".equals(l.path("issuer").asText()))) {
            Thread.sleep(20);
        }
        JsonNode reply = captured.stream().filter(l -> "MAX".equals(l.path("issuer").asText())).findFirst().orElseThrow();
        assertEquals("ClientEventSubscriptionAcknowledge", reply.path("events").path(0).path("messageType").asText());
        assertEquals("OK", reply.path("events").path(0).path("status").asText());
    }
}
