package dev.unibar.testkit;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a piece of test code on the FX thread and waits for it (30 s at most), outside TestFX's robot. */
public final class OnFx {

    private OnFx() {
    }

    public static <T> T get(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    public static void run(Runnable r) throws Exception {
        get(() -> {
            r.run();
            return null;
        });
    }
}
