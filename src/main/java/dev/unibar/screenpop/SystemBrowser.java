package dev.unibar.screenpop;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opens a URL in the desktop's default browser with the platform's own opener (what java.awt.Desktop does,
 * without loading AWT beside JavaFX). The URL is one argument, never parsed by a shell.
 */
public final class SystemBrowser implements Consumer<String> {

    private final List<String> opener;

    public SystemBrowser(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) opener = List.of("rundll32", "url.dll,FileProtocolHandler");
        else if (os.startsWith("mac")) opener = List.of("open");
        else opener = List.of("xdg-open");
    }

    /** The command that opens {@code url}. */
    public List<String> command(String url) {
        List<String> c = new java.util.ArrayList<>(opener);
        c.add(url);
        return c;
    }

    @Override
    public void accept(String url) {
        if (!WebAddress.isHttp(url)) {
            throw new IllegalArgumentException("only http and https pages are opened");
        }
        try {
            new ProcessBuilder(command(url)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + opener.get(0) + ": " + e.getMessage(), e);
        }
    }
}
