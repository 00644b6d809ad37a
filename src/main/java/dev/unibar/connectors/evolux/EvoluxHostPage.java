package dev.unibar.connectors.evolux;

/**
 * The page that plays the customer's web application: it embeds the Evolux Phone in an iframe, as Salesforce
 * does, and lets the shim forward the phone's postMessages. The bridge keeps only those from the configured
 * Evolux origin; the connector keeps only {@code {eventName, payload}} among them.
 */
final class EvoluxHostPage {

    static final String PATH = "/evolux/";

    private EvoluxHostPage() {
    }

    static String html(EvoluxConfig cfg) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                + "<title>Unibar – Evolux</title>\n"
                + "<style>html,body{margin:0;height:100%;font-family:sans-serif;font-size:13px}"
                + "iframe{border:0;width:100%;height:100%}</style>\n"
                + "<script src=\"/unibar/shim.js\"></script>\n"
                + "</head><body>\n"
                // The phone asks for the microphone in a browser; the WebView has none, but the grant costs nothing.
                + "<iframe id=\"evoluxPhone\" title=\"Evolux Phone\" allow=\"microphone; autoplay\" src=\""
                + escape(cfg.phoneUrl()) + "\"\n"
                + " onload=\"window.unibar.capture({unibarHost: 'frameLoaded'})\"></iframe>\n"
                + "</body></html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
