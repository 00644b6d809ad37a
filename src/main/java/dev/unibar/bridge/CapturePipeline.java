package dev.unibar.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.json.StrictJson;

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
 * <p>A batch is {@code [{"o": origin, "d": data}, ...]}. Per entry: an untrusted origin is dropped
 * (counted, never mapped); {@code d} that is a JSON object is captured; {@code d} that is a string
 * holding a JSON object (a vendor that posts {@code JSON.stringify(...)}) is parsed and captured;
 * anything else, and the shim's {@code {"__unserializable": reason}} stand-in, is malformed.
 * Entries {@code {"c": level, "m": text}} are page console output and go to
 * {@link CaptureHandler#console} only.
 */
public final class CapturePipeline implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CapturePipeline.class.getName());
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

    /** Batches waiting for the worker. */
    public int backlog() {
        return queue.size();
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
            try {
                process((String) item);
            } catch (RuntimeException e) {
                // A failing handler must not kill the only thread that carries vendor events.
                LOG.log(System.Logger.Level.WARNING, "capture handler failed", e);
            } finally {
                processedBatches.incrementAndGet();
            }
        }
    }

    /** Package-private for the fuzz test, which runs it on its own thread; otherwise the worker only. */
    void process(String batch) {
        JsonNode root;
        try {
            root = StrictJson.read(batch);
        } catch (StrictJson.Unreadable e) {
            malformed(batch, "batch is not JSON: " + e.getMessage());
            return;
        }
        if (!root.isArray()) {
            malformed(batch, "batch is not a JSON array");
            return;
        }
        for (JsonNode entry : root) {
            try {
                entry(entry);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "capture handler failed", e);
            }
        }
    }

    private void entry(JsonNode entry) {
        if (!entry.isObject()) {
            malformed(entry.toString(), "entry is not a JSON object");
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
        JsonNode d = entry.get("d");
        if (d == null) {
            malformed(entry.toString(), "entry has no data");
            return;
        }
        String origin = o.asText();
        if (!policy.isTrusted(origin)) {
            dropped.incrementAndGet();
            handler.dropped(origin, d.isTextual() ? d.asText() : d.toString());
            return;
        }
        JsonNode line = d;
        if (d.isTextual()) {
            String text = d.asText();
            try {
                line = StrictJson.read(text);
            } catch (StrictJson.Unreadable e) {
                malformed(text, "string payload is not JSON: " + e.getMessage());
                return;
            }
            if (!line.isObject()) {
                malformed(text, "string payload is not a JSON object");
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

    private void malformed(String raw, String reason) {
        malformed.incrementAndGet();
        handler.malformed(raw, reason);
    }
}
