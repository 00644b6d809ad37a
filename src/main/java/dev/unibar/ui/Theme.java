package dev.unibar.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The light and dark looks, from AtlantaFX (decision 0013). The theme is the user-agent stylesheet of
 * the whole application; bar.css only adds the bar's own accents and reads the theme's colour
 * variables (-color-bg-default, -color-fg-muted, ...), so it follows the switch.
 */
public final class Theme {

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? DARK : LIGHT);
    }

    public static boolean isDark() {
        return DARK.equals(Application.getUserAgentStylesheet());
    }

    /** Installs the light theme unless one of ours is already there (bar.css needs its variables). */
    static void ensure() {
        String current = Application.getUserAgentStylesheet();
        if (!LIGHT.equals(current) && !DARK.equals(current)) apply(false);
    }
}
