package dev.unibar.screenpop;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where rules with {@code open: bar} send their page: the bar's screen-pop window once the bar has attached
 * it, else (a bar not yet shown, the command line) the system browser, so that a page is never lost.
 */
public final class BarTabs implements Consumer<String> {

    private final Consumer<String> fallback;
    private final AtomicReference<Consumer<String>> window = new AtomicReference<>();

    public BarTabs(Consumer<String> fallback) {
        this.fallback = Objects.requireNonNull(fallback);
    }

    /** The bar's own opener; it must be safe to call from any thread. */
    public void attach(Consumer<String> opener) {
        window.set(opener);
    }

    @Override
    public void accept(String url) {
        if (!WebAddress.isHttp(url)) {
            throw new IllegalArgumentException("only http and https pages are opened");
        }
        Consumer<String> w = window.get();
        (w != null ? w : fallback).accept(url);
    }
}
