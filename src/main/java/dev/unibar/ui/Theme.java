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

    /**
     * Keeps the bar's theme out of a vendor's page: WebKit draws a page's buttons, selects and inputs with JavaFX
     * controls placed under the WebView, which the application's theme would style (dark buttons keeping the
     * page's black text). The page's node gets the light theme's colours back, so the page looks as the vendor
     * made it whichever theme the bar has. The colours are read from the light theme itself.
     */
    static void asTheVendorMadeIt(javafx.scene.Parent page) {
        if (!page.getStyleClass().contains(VENDOR_PAGE)) page.getStyleClass().add(VENDOR_PAGE);
        String css = vendorPageStylesheet();
        if (css != null && !page.getStylesheets().contains(css)) page.getStylesheets().add(css);
    }

    static final String VENDOR_PAGE = "vendor-page";
    private static String vendorPageCss;

    /** {@code .vendor-page { <the light theme's colour variables> }} as a data URL; null if they cannot be read. */
    static synchronized String vendorPageStylesheet() {
        if (vendorPageCss != null) return vendorPageCss;
        String path = LIGHT.startsWith("/") ? LIGHT : "/" + LIGHT;
        try (java.io.InputStream in = Theme.class.getResourceAsStream(path)) {
            if (in == null) return null;
            String all = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int start = all.indexOf(".root {");
            int end = all.indexOf('}', start);
            if (start < 0 || end < 0) return null;
            StringBuilder css = new StringBuilder("." + VENDOR_PAGE + " {\n");
            for (String line : all.substring(start, end).split("\n")) {
                if (line.trim().startsWith("-color-")) css.append(line.trim()).append('\n');
            }
            // Rules the dark theme writes with other colours than the light one for the same controls.
            css.append("}\n." + VENDOR_PAGE + " .button { -color-button-bg-hover: -color-base-1; }\n");
            vendorPageCss = "data:text/css;base64," + java.util.Base64.getEncoder()
                    .encodeToString(css.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return vendorPageCss;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Installs the light theme unless one of ours is already there (bar.css needs its variables). */
    static void ensure() {
        String current = Application.getUserAgentStylesheet();
        if (!LIGHT.equals(current) && !DARK.equals(current)) apply(false);
    }
}
