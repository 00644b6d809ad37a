package dev.unibar.bridge;

import java.util.Objects;

/**
 * Why a page meant for a browser window is shown in the bar's WebView instead (issue 21): what the agent is told
 * and the inspector keeps.
 *
 * @param why     no browser found, one that could not start, or one that kept stopping
 * @param browser the browser as the agent knows it (the configured path or the one found), null when none was found
 * @param detail  for {@link Why#NOT_STARTED}, the first line of the reason; for {@link Why#CRASHING}, how many
 *                times it stopped; else null
 */
public record HostFallback(Why why, String browser, String detail) {

    public enum Why { MISSING, NOT_STARTED, CRASHING }

    /** What a reason may take of the notice: one line, at most this long. */
    static final int DETAIL_CHARS = 160;

    public HostFallback {
        Objects.requireNonNull(why, "why");
        detail = detail == null ? null : firstLine(detail);
    }

    /**
     * The notice's key in the bundles ({@code page.moved.*}), with {@code .noAudio} for a vendor whose call audio is
     * in its page; its arguments are {@link #noticeArgs()}.
     */
    public String noticeKey(boolean noAudio) {
        String key = switch (why) {
            case MISSING -> browser == null ? "page.moved.missing" : "page.moved.notFound";
            case NOT_STARTED -> "page.moved.notStarted";
            case CRASHING -> "page.moved.crashing";
        };
        return noAudio ? key + ".noAudio" : key;
    }

    /** The browser, and the reason or the number of stops. */
    public Object[] noticeArgs() {
        return new Object[]{String.valueOf(browser), detail == null || detail.isEmpty() ? "?" : detail};
    }

    /** The first non-blank line of {@code text}, cut to {@link #DETAIL_CHARS}. */
    public static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            return t.length() <= DETAIL_CHARS ? t : t.substring(0, DETAIL_CHARS - 1) + "…";
        }
        return "";
    }
}
