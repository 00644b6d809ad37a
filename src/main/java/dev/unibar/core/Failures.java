package dev.unibar.core;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Reading what went wrong in an asynchronous step: the one place that peels the futures' wrappers. */
public final class Failures {

    private Failures() {
    }

    /** The failure a {@code CompletionException} or {@code ExecutionException} (however nested) carries. */
    public static Throwable unwrap(Throwable err) {
        Throwable c = err;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
