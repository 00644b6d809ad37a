package dev.unibar.screenpop;

import dev.unibar.config.ConfigException;
import dev.unibar.config.FeaturesConfig;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: a rule opens its page in the system browser or in a tab of the bar, as configured per template. */
class ScreenPopTargetTest {

    @Test
    void aRuleWithOpenBarGoesToTheBarTabAndTheOthersToTheBrowser() throws Exception {
        FeaturesConfig.ScreenPop cfg = ScreenPopTest.config("""
                screenPop:
                  rules:
                    - vendor: ucs
                      queue: Podpora
                      url: https://crm.example.com/support?phone={number}
                      open: bar
                    - url: https://crm.example.com/any?phone={number}
                """).features().screenPop();
        List<String> browser = new ArrayList<>();
        List<String> tab = new ArrayList<>();
        ScreenPop pop = new ScreenPop(cfg, browser::add, tab::add);
        pop.seen(new Event.CallRinging("ucs", null, "u1", ScreenPopTest.CALL));
        pop.seen(new Event.CallRinging("epbx", null, "e1", ScreenPopTest.CALL));
        assertEquals(List.of("https://crm.example.com/support?phone=%2B420%20603%20123%20456"), tab);
        assertEquals(List.of("https://crm.example.com/any?phone=%2B420%20603%20123%20456"), browser);
    }

    @Test
    void openDefaultsToTheBrowserAndRejectsOtherValues() throws Exception {
        FeaturesConfig.ScreenPop cfg = ScreenPopTest.config("""
                screenPop:
                  rules:
                    - url: https://crm.example.com/{number}
                """).features().screenPop();
        assertEquals("browser", cfg.rules().get(0).open());
        ConfigException e = assertThrows(ConfigException.class, () -> ScreenPopTest.config("""
                screenPop:
                  rules:
                    - url: https://crm.example.com/{number}
                      open: tab
                """));
        assertTrue(e.getMessage().contains("expected one of browser, bar"), e.getMessage());
    }

    /** Issue 22: {@code HTTPS://} passed the config check and then never opened anywhere. */
    @Test
    void aSchemeInCapitalsOpensLikeAnyOther() throws Exception {
        FeaturesConfig.ScreenPop cfg = ScreenPopTest.config("""
                screenPop:
                  rules:
                    - url: HTTPS://CRM.example.com/Any?phone={number}
                      open: bar
                """).features().screenPop();
        List<String> browser = new ArrayList<>();
        List<String> window = new ArrayList<>();
        BarTabs tabs = new BarTabs(browser::add);
        tabs.attach(window::add);
        new ScreenPop(cfg, browser::add, tabs).seen(new Event.CallRinging("ucs", null, "u1", ScreenPopTest.CALL));
        assertEquals(List.of("https://CRM.example.com/Any?phone=%2B420%20603%20123%20456"), window);
        tabs.accept("Http://crm.example.com/2");
        assertEquals("Http://crm.example.com/2", window.get(1));
        assertTrue(WebAddress.isHttp("HTTPS://x") && WebAddress.isHttp("hTtP://x"));
        assertTrue(!WebAddress.isHttp("javascript:alert(1)") && !WebAddress.isHttp("FILE:///etc/passwd") && !WebAddress.isHttp("https:/x"));
        assertEquals(List.of(), browser);
    }

    @Test
    void barTabsFallBackToTheBrowserUntilTheBarAttachesItsWindow() {
        List<String> browser = new ArrayList<>();
        List<String> window = new ArrayList<>();
        BarTabs tabs = new BarTabs(browser::add);
        tabs.accept("https://crm.example.com/1");
        tabs.attach(window::add);
        tabs.accept("https://crm.example.com/2");
        assertEquals(List.of("https://crm.example.com/1"), browser);
        assertEquals(List.of("https://crm.example.com/2"), window);
        assertThrows(IllegalArgumentException.class, () -> tabs.accept("file:///etc/passwd"));
        assertEquals(1, window.size(), "only http(s) pages reach the bar's window");
    }
}
