package dev.unibar.connectors.webbar;

import dev.unibar.bridge.PageChannel;
import dev.unibar.connectors.VendorEnvironment;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The page a web-bar connector shows in the vendor panel, and what it loads there on start and restart: either
 * Unibar's own host page (which embeds the vendor's bar, as a CRM would: UCS, Evolux), or the vendor's own page
 * (MAX, AgentDesktop), for which the environment is given a placeholder so that it makes the channel.
 *
 * @param channel  the panel (WebView or browser window), or null when the vendor is shown elsewhere
 * @param url      what to load, asked at start (the host server's address is known once the page is registered)
 * @param hostPage true when {@link #url} is Unibar's host page: its own glue may then signal the connector
 */
public record WebPage(PageChannel channel, Supplier<String> url, boolean hostPage) {

    public WebPage {
        Objects.requireNonNull(url, "url");
    }

    /**
     * Unibar's host page at {@code path}: served by the environment's host server, loaded from there. Only the
     * host page itself and {@code trustedOrigins} reach the mapper.
     */
    public static WebPage host(VendorEnvironment env, String path, Supplier<String> html, Collection<String> trustedOrigins) {
        return new WebPage(env.hostPage(path, html, trustedOrigins), () -> env.pageUrl(path), true);
    }

    /**
     * The vendor's own page at {@code url}, in the panel. The environment makes channels for host pages, so it is
     * given one it never shows, at {@code /<vendor>/}.
     */
    public static WebPage vendor(VendorEnvironment env, String vendor, String url, Collection<String> trustedOrigins) {
        PageChannel channel = env.hostPage("/" + vendor + "/", () -> placeholder(vendor), trustedOrigins);
        return new WebPage(channel, () -> url, false);
    }

    /** A host page a test or caller already registered, with the address function the environment gave. */
    public static WebPage host(PageChannel channel, Supplier<String> url) {
        return new WebPage(channel, url, true);
    }

    private static String placeholder(String vendor) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + vendor + "</title></head><body></body></html>";
    }
}
