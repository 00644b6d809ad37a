package dev.unibar.bridge;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bridge's batch parser on any text a page could deliver: nothing escapes it, and a capture is
 * only ever handed on as a JSON object from a trusted origin.
 */
class BatchFuzzTest {

    private static final String TRUSTED = "http://127.0.0.1:8080";
    private static final CapturePipeline PIPELINE = new CapturePipeline(new OriginPolicy(TRUSTED));
    private static final AtomicInteger BAD = new AtomicInteger();

    static {
        PIPELINE.setHandler(new CaptureHandler() {
            @Override
            public void captured(String origin, JsonNode line, String raw) {
                if (!TRUSTED.equals(origin) || !line.isObject()) BAD.incrementAndGet();
            }

            @Override
            public void malformed(String raw, String reason) {
                if (reason == null || reason.isEmpty()) BAD.incrementAndGet();
            }

            @Override
            public void dropped(String origin, String raw) {
                if (TRUSTED.equals(origin)) BAD.incrementAndGet();
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void anyBatchIsCapturedDroppedOrMalformed(byte[] input) {
        PIPELINE.process(new String(input, StandardCharsets.UTF_8));
        if (BAD.get() != 0) throw new IllegalStateException("the pipeline handed on something it should not have");
    }
}
