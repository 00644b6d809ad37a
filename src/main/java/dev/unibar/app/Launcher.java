package dev.unibar.app;

import dev.unibar.config.UnibarConfig;
import dev.unibar.ui.UnibarApp;
import javafx.application.Application;

/** Starts the JavaFX bar. Only the no-subcommand path of the command line comes here. */
public final class Launcher {

    private Launcher() {
    }

    public static void launch(UnibarConfig config) {
        UnibarApp.setConfig(config);
        UnibarApp.setContextFactory(VendorContext::create);
        Application.launch(UnibarApp.class);
    }
}
