package dev.unibar.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker side of the bridge, fed batch strings directly (no WebView). */
class CapturePipelineTest {

    private static final String HOST = "http://127.0.0.1:4000";
    private static final String VENDOR = "https://bar.vendor.com";

    private final CapturePipeline pipeline = new CapturePipeline(new OriginPolicy(HOST, VENDOR));
    private final FxSupport.Recorder recorder = new FxSupport.Recorder();

    CapturePipelineTest() {
        pipeline.setHandler(recorder);
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void drain() throws InterruptedException {
        long sent = pipeline.batches();
        FxSupport.await(Duration.ofSeconds(10), "the worker", () -> pipeline.processedBatches() == sent);
    }

    @Test
    void aBatchThatIsNotJsonIsMalformedAndTheNextOneStillArrives() throws Exception {
        pipeline.deliver("[{\"o\":\"" + HOST + "\",\"d\":{\"a\":1}");
        pipeline.deliver("{\"o\":\"" + HOST + "\",\"d\":{\"a\":2}}");
        pipeline.deliver("[] trailing");
        pipeline.deliver("[{\"o\":\"" + HOST + "\",\"d\":{\"a\":3}}]");
        drain();

        List<FxSupport.Malformed> bad = recorder.malformed();
        assertEquals(3, bad.size(), bad.toString());
        assertTrue(bad.get(0).reason().startsWith("batch is not JSON"), bad.get(0).reason());
        assertEquals("batch is not a JSON array", bad.get(1).reason());
        assertTrue(bad.get(2).reason().startsWith("batch is not JSON"), bad.get(2).reason());
        assertEquals(1, recorder.capturedCount());
        assertEquals(3, recorder.captured().get(0).line().path("a").asInt());
        assertEquals(3, pipeline.malformed());
        assertEquals(1, pipeline.delivered());
        assertEquals(4, pipeline.batches());
    }

    @Test
    void badEntriesAreMalformedOneByOneWithoutLosingTheirNeighbours() throws Exception {
        pipeline.deliver("[{\"o\":\"" + HOST + "\",\"d\":{\"n\":1}},"
                + "42,"
                + "{\"d\":{\"n\":2}},"
                + "{\"o\":\"" + HOST + "\"},"
                + "{\"o\":\"" + HOST + "\",\"d\":[1,2]},"
                + "{\"o\":\"" + HOST + "\",\"d\":\"hello\"},"
                + "{\"o\":\"" + HOST + "\",\"d\":\"[1]\"},"
                + "{\"o\":\"" + HOST + "\",\"d\":{\"n\":3}}]");
        drain();
        assertEquals(List.of(1, 3), recorder.captured().stream().map(c -> c.line().path("n").asInt()).toList());
        assertEquals(List.of("entry is not a JSON object", "entry has no origin", "entry has no data",
                        "payload is not a JSON object", "string payload is not JSON", "string payload is not a JSON object"),
                recorder.malformed().stream().map(m -> m.reason().replaceAll(": Unrecognized token.*", "")).toList());
    }

    @Test
    void aStringPayloadIsReadAsStrictlyAsTranslateReadsALine() throws Exception {
        pipeline.deliver("[{\"o\":\"" + HOST + "\",\"d\":\"{\\\"n\\\":1,\\\"n\\\":2}\"},"
                + "{\"o\":\"" + HOST + "\",\"d\":\"{\\\"n\\\":1} {\\\"n\\\":2}\"},"
                + "{\"o\":\"" + HOST + "\",\"d\":{\"n\":3}}]");
        drain();
        assertEquals(List.of(3), recorder.captured().stream().map(c -> c.line().path("n").asInt()).toList());
        assertEquals(List.of("string payload is not JSON: duplicate key 'n'",
                        "string payload is not JSON: more than one JSON value on the line"),
                recorder.malformed().stream().map(m -> m.reason().replaceAll(" at \\[Source.*", "")).toList());
    }

    @Test
    void aStringWrappedJsonPayloadIsParsed() throws Exception {
        // What a vendor sends with postMessage(JSON.stringify({...}), "*").
        pipeline.deliver("[{\"o\":\"" + VENDOR + "\",\"d\":\"{\\\"eventName\\\":\\\"callStarted\\\",\\\"payload\\\":{\\\"id\\\":7}}\"}]");
        drain();
        FxSupport.Captured c = recorder.captured().get(0);
        assertEquals(VENDOR, c.origin());
        assertEquals("callStarted", c.line().path("eventName").asText());
        assertEquals(7, c.line().path("payload").path("id").asInt());
        assertEquals("{\"eventName\":\"callStarted\",\"payload\":{\"id\":7}}", c.raw());
        assertEquals(List.of(), recorder.malformed());
    }

    @Test
    void anUnserializableEntryIsReportedNotLost() throws Exception {
        pipeline.deliver("[{\"o\":\"" + HOST + "\",\"d\":{\"__unserializable\":\"cyclic object value\"}},"
                + "{\"o\":\"" + HOST + "\",\"d\":{\"ok\":true}}]");
        drain();
        List<FxSupport.Malformed> bad = recorder.malformed();
        assertEquals(1, bad.size());
        assertEquals("page value could not be serialized: cyclic object value", bad.get(0).reason());
        assertEquals(1, recorder.capturedCount());
        assertTrue(recorder.captured().get(0).line().path("ok").asBoolean());
    }

    @Test
    void untrustedOriginsAreDroppedAndCountedEvenWhenTheirPayloadIsBroken() throws Exception {
        pipeline.deliver("[{\"o\":\"https://evil.example\",\"d\":{\"eventName\":\"x\"}},"
                + "{\"o\":\"null\",\"d\":\"not json\"},"
                + "{\"o\":\"*\",\"d\":{\"eventName\":\"y\"}}]");
        drain();
        assertEquals(0, recorder.capturedCount());
        assertEquals(List.of(), recorder.malformed());
        // Counted, never passed on: a foreign frame's text is nobody's to keep (issue 22).
        assertEquals(List.of(new FxSupport.Dropped("https://evil.example", "not kept: 1 message"),
                new FxSupport.Dropped("null", "not kept: 1 message"),
                new FxSupport.Dropped("*", "not kept: 1 message")), recorder.dropped());
        assertEquals(3, pipeline.dropped());
    }

    /**
     * Issue 22: a foreign frame's depth-70 object in the same batch as the vendor's events voided the whole batch.
     * Each entry is read on its own now: the poison is dropped (foreign) or malformed (the vendor's own), alone.
     */
    @Test
    void aPoisonedEntryCostsOnlyItself() throws Exception {
        String deep = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= 20; i++) {
            b.append("{\"o\":\"https://evil.example\",\"d\":").append(deep).append("},");
            b.append("{\"o\":\"").append(VENDOR).append("\",\"d\":{\"n\":").append(i).append("}},");
        }
        b.append("{\"o\":\"").append(VENDOR).append("\",\"d\":").append(deep).append("},");
        b.append("{\"o\":\"").append(VENDOR).append("\",\"d\":{\"n\":21}}]");
        pipeline.deliver(b.toString());
        drain();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 21).boxed().toList(),
                recorder.captured().stream().map(c -> c.line().path("n").asInt()).toList());
        assertEquals(20, pipeline.dropped(), "the foreign poison is dropped, never malformed");
        assertEquals(1, recorder.malformed().size(), "the vendor's own deep entry alone is malformed");
        assertTrue(recorder.malformed().get(0).reason().startsWith("entry is not JSON"), recorder.malformed().get(0).reason());
    }

    /**
     * Issue 22: a message over 1 MiB made its whole batch one malformed line, kept raw. Now a foreign one is dropped
     * without being parsed or kept, the shim's size stand-in is malformed without content, and the vendor's
     * events beside them arrive.
     */
    @Test
    void aHugeEntryIsDroppedOrRefusedAloneAndNothingOfItIsKept() throws Exception {
        String huge = "\u017e".repeat(2 * CapturePipeline.MAX_ENTRY_CHARS);
        pipeline.deliver("[{\"o\":\"https://evil.example\",\"d\":\"" + huge + "\"},"
                + "{\"o\":\"" + VENDOR + "\",\"d\":{\"n\":1}},"
                + "{\"o\":\"" + VENDOR + "\",\"d\":\"" + huge + "\"},"
                + "{\"o\":\"" + VENDOR + "\",\"big\":16000002},"
                + "{\"o\":\"https://evil.example\",\"n\":41},"
                + "{\"lost\":3},"
                + "{\"o\":\"" + VENDOR + "\",\"d\":{\"n\":2}}]");
        drain();
        assertEquals(List.of(1, 2), recorder.captured().stream().map(c -> c.line().path("n").asInt()).toList());
        assertEquals(42, pipeline.dropped(), "one huge message and the shim's count of 41");
        assertTrue(recorder.dropped().stream().allMatch(d -> d.raw().startsWith("not kept")), recorder.dropped().toString());
        List<FxSupport.Malformed> bad = recorder.malformed();
        assertEquals(3, bad.size(), bad.toString());
        assertTrue(bad.get(0).reason().contains("over the limit"), bad.get(0).reason());
        assertTrue(bad.get(1).reason().startsWith("message of 16000002 characters"), bad.get(1).reason());
        assertTrue(bad.get(2).reason().startsWith("3 page messages were lost"), bad.get(2).reason());
        assertTrue(bad.stream().allMatch(m -> m.raw().length() <= CapturePipeline.MAX_REPORTED_CHARS + 40),
                "what is passed on is an excerpt");
    }

    @Test
    void orderIsKeptWithinAndAcrossBatchesAndTheHandlerRunsOffTheCallingThread() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        List<Integer> seen = new ArrayList<>();
        pipeline.setHandler(new CaptureHandler() {
            @Override
            public void captured(String origin, JsonNode line, String raw) {
                thread.set(Thread.currentThread().getName());
                synchronized (seen) {
                    seen.add(line.path("i").asInt());
                }
            }

            @Override
            public void malformed(String raw, String reason) {
                throw new AssertionError(reason);
            }

            @Override
            public void dropped(String origin, String raw) {
                throw new AssertionError(raw);
            }
        });
        int i = 0;
        for (int b = 0; b < 200; b++) {
            StringBuilder batch = new StringBuilder("[");
            int size = 1 + b % 17;
            for (int k = 0; k < size; k++, i++) {
                if (k > 0) batch.append(',');
                batch.append("{\"o\":\"").append(b % 2 == 0 ? HOST : VENDOR).append("\",\"d\":{\"i\":").append(i).append("}}");
            }
            pipeline.deliver(batch.append(']').toString());
        }
        drain();
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < i; k++) expected.add(k);
        synchronized (seen) {
            assertEquals(expected, seen);
        }
        assertEquals("unibar-bridge", thread.get());
        assertEquals(200, pipeline.batches());
        assertEquals(i, pipeline.delivered());
    }

    @Test
    void aThrowingHandlerDoesNotStopTheWorker() throws Exception {
        List<String> got = new ArrayList<>();
        pipeline.setHandler(new CaptureHandler() {
            @Override
            public void captured(String origin, JsonNode line, String raw) {
                if (line.has("boom")) throw new IllegalStateException("handler bug");
                synchronized (got) {
                    got.add(raw);
                }
            }

            @Override
            public void malformed(String raw, String reason) {
            }

            @Override
            public void dropped(String origin, String raw) {
            }
        });
        pipeline.deliver("[{\"o\":\"" + HOST + "\",\"d\":{\"boom\":1}},{\"o\":\"" + HOST + "\",\"d\":{\"a\":1}}]");
        pipeline.deliver("[{\"o\":\"" + HOST + "\",\"d\":{\"b\":2}}]");
        drain();
        synchronized (got) {
            assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), got);
        }
    }

    @Test
    void consoleEntriesGoToTheConsoleOnly() throws Exception {
        pipeline.deliver("[{\"c\":\"error\",\"m\":\"uncaught: boom\"},{\"o\":\"" + HOST + "\",\"d\":{\"a\":1}}]");
        drain();
        assertEquals(List.of("error: uncaught: boom"), recorder.console());
        assertEquals(1, recorder.capturedCount());
        assertEquals(1, pipeline.consoleLines());
    }
}
