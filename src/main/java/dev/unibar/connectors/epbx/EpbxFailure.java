package dev.unibar.connectors.epbx;

import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices;

import java.io.IOException;
import java.util.List;

/**
 * A login or connection failure whose sentence is ours: it names a text of the notice bundles so the
 * agent reads it in the bar's language, and carries the English text as its message (for logs and the
 * CONTRACT's {@code message}). A failure the EPBX server worded itself has no key.
 */
public class EpbxFailure extends IOException {
    private final String key;
    private final List<String> args;

    /** The server's own words, shown as it wrote them. */
    protected EpbxFailure(String vendorText) {
        super(vendorText);
        this.key = null;
        this.args = List.of();
    }

    protected EpbxFailure(String key, List<String> args) {
        this(Notices.english(key, args), key, args);
    }

    private EpbxFailure(String message, String key, List<String> args) {
        super(message);
        this.key = key;
        this.args = args;
    }

    /** A failure EPBX worded and Unibar knows: our sentence by key, the server's words as the message (detail). */
    static EpbxFailure known(String vendorText, String key) {
        return new EpbxFailure(vendorText, key, List.of());
    }

    public static EpbxFailure keyed(String key, Object... args) {
        List<String> a = new java.util.ArrayList<>();
        for (Object o : args) a.add(String.valueOf(o));
        return new EpbxFailure(key, List.copyOf(a));
    }

    /** Null when the text is the server's own. */
    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }

    Event.SessionError toSessionError(String vendor, String code) {
        return new Event.SessionError(vendor, null, getMessage(), code, key, args);
    }
}
