package dev.unibar.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Shared helpers for the WebView tests: toolkit start-up, polling, a recording handler. */
final class FxSupport {

    private FxSupport() {
    }

    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    static WebPageChannel channel(OriginPolicy policy) throws Exception {
        return WebPageChannel.create(policy).get(30, TimeUnit.SECONDS);
    }

    /** Polls until the condition holds; fails with the message after the timeout. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        dev.unibar.testkit.Wait.until(what, timeout, condition);
    }

    static String page(String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><script src=\"/unibar/shim.js\"></script>"
                + "</head><body>" + body + "</body></html>";
    }

    record Captured(String origin, JsonNode line, String raw) {
    }

    record Dropped(String origin, String raw) {
    }

    record Malformed(String raw, String reason) {
    }

    /** Records everything; lists are only read after the worker has written (synchronized). */
    static final class Recorder implements CaptureHandler {
        final List<Captured> captured = new ArrayList<>();
        final List<Dropped> dropped = new ArrayList<>();
        final List<Malformed> malformed = new ArrayList<>();
        final List<String> console = new ArrayList<>();

        @Override
        public synchronized void captured(String origin, JsonNode line, String raw) {
            captured.add(new Captured(origin, line, raw));
        }

        @Override
        public synchronized void malformed(String raw, String reason) {
            malformed.add(new Malformed(raw, reason));
        }

        @Override
        public synchronized void dropped(String origin, String raw) {
            dropped.add(new Dropped(origin, raw));
        }

        @Override
        public synchronized void console(String level, String text) {
            console.add(level + ": " + text);
        }

        synchronized int capturedCount() {
            return captured.size();
        }

        synchronized List<Captured> captured() {
            return new ArrayList<>(captured);
        }

        synchronized List<Dropped> dropped() {
            return new ArrayList<>(dropped);
        }

        synchronized List<Malformed> malformed() {
            return new ArrayList<>(malformed);
        }

        synchronized List<String> console() {
            return new ArrayList<>(console);
        }
    }
}
