package dev.unibar.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How vendor pages are shown: {@code embed: webview | browser} in any vendor's section, and the top-level
 * {@code browser:} section ({@code path:} of the Chromium-family browser, when it is not where its installer
 * puts it). Read here, once for every vendor, and taken out of the vendor's section before its own reader
 * sees it: no vendor reader has to know the key.
 *
 * @param embeds      the vendors whose section names a host, by vendor id
 * @param browserPath the configured browser, or null to look for one
 * @param transport   {@code browser.transport: pipe | port}, how Unibar reaches the browser's DevTools
 *                    endpoint; null for the platform's (the port on Windows, the pipe elsewhere)
 */
public record PageHosting(Map<String, Embed> embeds, Path browserPath, Transport transport) {

    public enum Embed { WEBVIEW, BROWSER }

    public enum Transport { PIPE, PORT }

    public PageHosting {
        embeds = embeds == null ? Map.of() : Map.copyOf(embeds);
    }

    public PageHosting(Map<String, Embed> embeds, Path browserPath) {
        this(embeds, browserPath, null);
    }

    public static PageHosting none() {
        return new PageHosting(Map.of(), null);
    }

    /** The configured host of {@code vendor}, or {@code fallback} when its section does not say. */
    public Embed embed(String vendor, Embed fallback) {
        return embeds.getOrDefault(vendor, fallback);
    }

    static PageHosting read(ConfigSection top, Collection<String> vendorIds) throws ConfigException {
        Map<String, Embed> embeds = new LinkedHashMap<>();
        for (String id : vendorIds) {
            ConfigSection s = top.section(id);
            if (s == null) continue;
            String e = s.oneOf("embed", "webview", "browser");
            if (e == null) continue;
            embeds.put(id, Embed.valueOf(e.toUpperCase(Locale.ROOT)));
            MappingNode m = (MappingNode) top.value(id);
            List<NodeTuple> rest = new ArrayList<>(m.getValue());
            rest.removeIf(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("embed"));
            m.setValue(rest);
        }
        Path path = null;
        Transport transport = null;
        ConfigSection browser = top.section("browser");
        if (browser != null) {
            browser.only("path", "transport");
            String t = browser.oneOf("transport", "pipe", "port");
            if (t != null) transport = Transport.valueOf(t.toUpperCase(Locale.ROOT));
            String p = browser.text("path");
            if (p != null) {
                path = Path.of(p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p);
                if (!path.isAbsolute()) throw browser.error("path", "expected an absolute path to the browser");
            }
        }
        return new PageHosting(embeds, path, transport);
    }
}
