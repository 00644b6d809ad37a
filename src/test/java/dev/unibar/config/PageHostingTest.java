package dev.unibar.config;

import dev.unibar.app.Vendors;
import dev.unibar.config.PageHosting.Embed;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code embed:} is read once for every vendor section, before (and instead of) the vendor's own reader. */
class PageHostingTest {

    private static UnibarConfig parse(String yaml) throws ConfigException {
        return Vendors.configLoader(name -> null).parse(yaml, "config.yml", null);
    }

    @Test
    void eachSectionNamesItsHostAndTheVendorReaderNeverSeesTheKey() throws Exception {
        UnibarConfig c = parse("""
                vendor: ucs
                ucs:
                  api: {hostname: ucs.example.com}
                  embed: browser
                epbx:
                  serviceBase: https://epbx.example.com/Service/
                  embed: webview
                browser:
                  path: /opt/chromium/chrome
                """);
        assertEquals(Embed.BROWSER, c.hosting().embed("ucs", Embed.WEBVIEW));
        assertEquals(Embed.WEBVIEW, c.hosting().embed("epbx", Embed.BROWSER));
        assertEquals(Embed.BROWSER, c.hosting().embed("evolux", Embed.BROWSER), "no section: the caller's default");
        assertEquals(Path.of("/opt/chromium/chrome"), c.hosting().browserPath());
    }

    @Test
    void noKeyNoBrowserSection() throws Exception {
        UnibarConfig c = parse("vendor: ucs\nucs:\n  api: {hostname: ucs.example.com}\n");
        assertTrue(c.hosting().embeds().isEmpty());
        assertNull(c.hosting().browserPath());
    }

    @Test
    void aWrongValueIsAnErrorWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("vendor: ucs\nucs:\n  api: {hostname: ucs.example.com}\n  embed: chrome\n"));
        assertTrue(e.getMessage().contains("ucs.embed"), e.getMessage());
        assertTrue(e.getMessage().contains(":4"), e.getMessage());
    }

    @Test
    void aRelativeBrowserPathIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("browser:\n  path: chrome\n"));
        assertTrue(e.getMessage().contains("browser.path"), e.getMessage());
    }

    @Test
    void theSampleNamesTheDefaults() throws Exception {
        UnibarConfig c = Vendors.configLoader(name -> null).load(Path.of("config.sample.yml"));
        assertEquals(Embed.WEBVIEW, c.hosting().embed("ucs", null));
        assertEquals(Embed.BROWSER, c.hosting().embed("evolux", null));
    }

    @Test
    void theDevToolsTransportIsConfigurableOnEveryPlatform() throws Exception {
        assertEquals(PageHosting.Transport.PORT, parse("browser:\n  transport: port\n").hosting().transport());
        assertEquals(PageHosting.Transport.PIPE, parse("browser:\n  transport: pipe\n").hosting().transport());
        assertNull(parse("browser:\n  path: /usr/bin/chromium\n").hosting().transport(), "unset: the platform's");
        ConfigException e = assertThrows(ConfigException.class, () -> parse("browser:\n  transport: websocket\n"));
        assertTrue(e.getMessage().contains("browser.transport"), e.getMessage());
    }
}
