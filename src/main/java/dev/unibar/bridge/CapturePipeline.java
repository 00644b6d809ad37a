package dev.unibar.bridge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.json.StrictJson;

import java.io.IOException;
import java.util.List;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries the shim's batches from the FX thread to the {@link CaptureHandler}.
 *
 * <p>{@link #deliver} runs on the FX thread (JavaScript calls it synchronously), so it only enqueues
 * the string: parsing there would stall the page and the UI during a burst. One daemon worker thread,
 * {@code unibar-bridge}, parses each batch with Jackson and hands its entries to the handler in
 * order; one thread means order across batches is the order the page captured in.
 *
 * <p>A batch is {@code [{"o": origin, "d": data}, ...]}, and each entry is read on its own
 * ({@link BatchEntries}): a bad entry costs only itself. Per entry: an untrusted origin is dropped (counted,
 * never parsed, never kept: the shim sends {@code {"o": origin, "n": count}} for the frames it already knows
 * to be foreign); {@code d} that is a JSON object is captured; {@code d} that is a string holding a JSON
 * object (a vendor that posts {@code JSON.stringify(...)}) is parsed and captured; anything else, the shim's
 * {@code {"__unserializable": reason}} stand-in and its {@code {"o": origin, "big": length}} for a message
 * over {@link #MAX_ENTRY_CHARS}, is malformed. Entries {@code {"c": level, "m": text}} are page console output
 * and go to {@link CaptureHandler#console} only; {@code {"lost": count}} says the page had more waiting than
 * the shim holds.
 */
public final class CapturePipeline implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CapturePipeline.class.getName());
    /** One entry: the line limit {@code translate} reads with. */
    static final int MAX_ENTRY_CHARS = StrictJson.MAX_LINE_BYTES;
    /** How much of a refused entry or batch goes on to the handler (the inspector keeps a bounded excerpt too). */
    static final int MAX_REPORTED_CHARS = 4096;
    private static final JsonFactory LENIENT = new JsonFactory();
    private static final String STOP = new String("stop");
    private static final CaptureHandler IGNORE = new CaptureHandler() {
        @Override
        public void captured(String origin, JsonNode line, String raw) {
        }

        @Override
        public void malformed(String raw, String reason) {
        }

        @Override
        public void dropped(String origin, String raw) {
        }
    };

    private final OriginPolicy policy;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile CaptureHandler handler = IGNORE;
    private volatile boolean closed;

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong processedBatches = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong consoleLines = new AtomicLong();

    public CapturePipeline(OriginPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        worker = new Thread(this::run, "unibar-bridge");
        worker.setDaemon(true);
        worker.start();
    }

    /** Until one is set, entries are counted and discarded. */
    public void setHandler(CaptureHandler handler) {
        this.handler = handler == null ? IGNORE : handler;
    }

    public OriginPolicy policy() {
        return policy;
    }

    /** One batch from the page. Called on the FX thread: enqueue only. */
    public void deliver(String batch) {
        if (closed) return;
        batches.incrementAndGet();
        BridgeProbe.mark(BridgeProbe.Stage.DELIVERED);
        queue.add(batch == null ? "null" : batch);
    }

    /**
     * A batch from a document that is no longer (or never was) bound to the bridge: counted and
     * reported as dropped, never parsed. Called on the FX thread.
     */
    void refuse(String documentOrigin, String batch) {
        if (closed) return;
        String raw = batch == null ? "null" : batch;
        queue.add(new Refused(documentOrigin, raw.length() > 200 ? raw.substring(0, 200) + "..." : raw));
    }

    /**
     * A change in the page's life, from the host: queued behind the batches already delivered, so the handler
     * sees it between the old document's captures and the new one's. Any thread.
     */
    public void page(PageEvent event) {
        if (closed) return;
        queue.add(Objects.requireNonNull(event, "event"));
    }

    /** Batches received by {@link #deliver}. */
    public long batches() {
        return batches.get();
    }

    /** Batches the worker has finished with. */
    public long processedBatches() {
        return processedBatches.get();
    }

    /** Entries handed to {@link CaptureHandler#captured}. */
    public long delivered() {
        return delivered.get();
    }

    /** Entries from untrusted origins. */
    public long dropped() {
        return dropped.get();
    }

    /** Unreadable batches and entries. */
    public long malformed() {
        return malformed.get();
    }

    public long consoleLines() {
        return consoleLines.get();
    }

    /** Stops the worker after what is already queued; waits a bounded time for it. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            // Identity on purpose: a page may well deliver the text "stop".
            if (item == STOP) return;
            if (item instanceof Refused r) {
                refused(r);
                continue;
            }
            if (item instanceof PageEvent e) {
                pageEvent(e);
                continue;
            }
            BridgeProbe.mark(BridgeProbe.Stage.TAKEN);
            try {
                process((String) item);
            } catch (RuntimeException e) {
                // A failing handler must not kill the only thread that carries vendor events.
                LOG.log(System.Logger.Level.WARNING, "capture handler failed", e);
            } finally {
                processedBatches.incrementAndGet();
                BridgeProbe.mark(BridgeProbe.Stage.HANDLED);
            }
        }
    }

    /** Package-private for the fuzz test, which runs it on its own thread; otherwise the worker only. */
    void process(String batch) {
        List<String> entries;
        try {
            entries = BatchEntries.split(batch);
        } catch (BatchEntries.NotABatch e) {
            malformed(batch, notABatch(batch, e));
            return;
        }
        for (String text : entries) {
            try {
                entry(text);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "capture handler failed", e);
            }
        }
    }

    /** Says it as a whole reading would: JSON that is not an array, or text that is not JSON. */
    private static String notABatch(String batch, BatchEntries.NotABatch e) {
        if (batch.length() > MAX_ENTRY_CHARS) return "batch is not JSON: " + e.getMessage();
        try {
            StrictJson.read(batch);
            return "batch is not a JSON array";
        } catch (StrictJson.Unreadable u) {
            return "batch is not JSON: " + u.getMessage();
        }
    }

    private void entry(String text) {
        String lead = leadingOrigin(text);
        if (lead != null && !policy.isTrusted(lead)) {
            foreign(lead, text);
            return;
        }
        if (text.length() > MAX_ENTRY_CHARS) {
            malformed(text, "entry of " + text.length() + " characters is over the limit of " + MAX_ENTRY_CHARS);
            return;
        }
        JsonNode entry = parsed(text, "entry");
        if (entry == null) return;
        if (!entry.isObject()) {
            malformed(entry.toString(), "entry is not a JSON object");
            return;
        }
        JsonNode lost = entry.get("lost");
        if (lost != null && !entry.has("o")) {
            malformed("", lost.asLong() + " page messages were lost: more were waiting for the bridge than it holds");
            return;
        }
        JsonNode c = entry.get("c");
        if (c != null && c.isTextual() && !entry.has("o")) {
            consoleLines.incrementAndGet();
            JsonNode m = entry.get("m");
            handler.console(c.asText(), m == null ? "" : m.asText());
            return;
        }
        JsonNode o = entry.get("o");
        if (o == null || !o.isTextual()) {
            malformed(entry.toString(), "entry has no origin");
            return;
        }
        String origin = o.asText();
        if (!policy.isTrusted(origin)) {
            foreign(origin, text);
            return;
        }
        JsonNode d = entry.get("d");
        if (d == null) {
            JsonNode big = entry.get("big");
            if (big != null && big.canConvertToLong()) {
                malformed("", "message of " + big.asLong() + " characters from " + origin + " is over the limit of " + MAX_ENTRY_CHARS);
            } else {
                malformed(entry.toString(), "entry has no data");
            }
            return;
        }
        JsonNode line = d;
        if (d.isTextual()) {
            String payload = d.asText();
            line = parsed(payload, "string payload");
            if (line == null) return;
            if (!line.isObject()) {
                malformed(payload, "string payload is not a JSON object");
                return;
            }
        } else if (!d.isObject()) {
            malformed(d.toString(), "payload is not a JSON object");
            return;
        }
        JsonNode why = line.get("__unserializable");
        if (why != null && line.size() == 1) {
            malformed(line.toString(), "page value could not be serialized: " + why.asText());
            return;
        }
        delivered.incrementAndGet();
        // As the policy matched it (found by fuzzing: "Http://..." was trusted but handed on as written).
        handler.captured(OriginPolicy.normalize(origin).orElse(origin), line, line.toString());
    }

    /**
     * An entry from a frame outside the vendor's origins: counted, never parsed beyond its size and count, never
     * passed on (an attacker's text is nobody's to keep). The shim's {@code {"o", "n"}} counts n messages.
     */
    private void foreign(String origin, String text) {
        long count = 1;
        if (text.length() < 256) {
            try {
                JsonNode e = StrictJson.read(text);
                JsonNode n = e.has("d") ? null : e.get("n");
                if (n != null && n.canConvertToLong() && n.asLong() > 0) count = n.asLong();
            } catch (StrictJson.Unreadable ignored) {
                // one message that is not even JSON
            }
        }
        dropped.addAndGet(count);
        handler.dropped(origin, "not kept: " + count + (count == 1 ? " message" : " messages")
                + (count == 1 && text.length() >= 256 ? " of " + text.length() + " characters" : ""));
    }

    /**
     * The origin an entry names first, read without parsing the rest (the shim writes {@code "o"} first); null
     * when the entry does not start so.
     */
    static String leadingOrigin(String text) {
        try (JsonParser p = LENIENT.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            if (p.nextToken() != JsonToken.FIELD_NAME || !"o".equals(p.currentName())) return null;
            if (p.nextToken() != JsonToken.VALUE_STRING || p.getTextLength() > 2048) return null;
            return p.getText();
        } catch (IOException e) {
            return null;
        }
    }

    static String excerpt(String s) {
        return s.length() <= MAX_REPORTED_CHARS ? s : s.substring(0, MAX_REPORTED_CHARS) + "... (" + s.length() + " characters)";
    }

    private record Refused(String origin, String raw) {
    }

    private void refused(Refused r) {
        dropped.incrementAndGet();
        try {
            handler.dropped(r.origin(), r.raw());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "capture handler failed", e);
        }
    }

    private void pageEvent(PageEvent e) {
        try {
            handler.page(e);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "capture handler failed", ex);
        }
    }

    /** {@code text} read as JSON, or null once it is counted malformed ("{@code what} is not JSON: why"). */
    private JsonNode parsed(String text, String what) {
        try {
            return StrictJson.read(text);
        } catch (StrictJson.Unreadable e) {
            malformed(text, what + " is not JSON: " + e.getMessage());
            return null;
        }
    }

    private void malformed(String raw, String reason) {
        malformed.incrementAndGet();
        handler.malformed(excerpt(raw), reason);
    }
}
