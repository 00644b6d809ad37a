package dev.unibar.screenpop;

import dev.unibar.app.Vendors;
import dev.unibar.config.ConfigException;
import dev.unibar.config.FeaturesConfig;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScreenPopTest {

    static UnibarConfig config(String yaml) throws ConfigException {
        return Vendors.configLoader(Map.<String, String>of()::get).parse(yaml, "config.yml", Path.of("config.yml"));
    }

    static final Call CALL = new Call("u1", Direction.INBOUND, new Party("+420 603 123 456", "Jana Nováková"), null,
            QueueRef.of("1", "Podpora", null), null, new Customer("Jana Nováková", null, "C&1"), Map.of("cpf", "123/45"), null);

    @Test
    void templatesTakeUrlEncodedCallFields() {
        assertEquals("https://crm.example.com/s?phone=%2B420%20603%20123%20456&n=Jana%20Nov%C3%A1kov%C3%A1&id=C%261&q=1&cpf=123%2F45&x=",
                UrlTemplate.expand("https://crm.example.com/s?phone={number}&n={customer.name}&id={customer.externalId}"
                        + "&q={queue.id}&cpf={data.cpf}&x={campaign.id}", "ucs", CALL));
    }

    @Test
    void theFirstMatchingRuleOpensOncePerCallWhenItRings() throws Exception {
        FeaturesConfig.ScreenPop cfg = config("""
                screenPop:
                  rules:
                    - vendor: epbx
                      url: https://epbx.example.com/{number}
                    - vendor: ucs
                      queue: Podpora
                      url: https://crm.example.com/support?phone={number}
                    - campaign: "42"
                      url: https://crm.example.com/campaign/{customer.externalId}
                """).features().screenPop();
        assertEquals(true, cfg.enabled(), "rules switch it on");
        List<String> opened = new ArrayList<>();
        ScreenPop pop = new ScreenPop(cfg, opened::add);
        pop.seen(new Event.CallRinging("ucs", null, "u1", CALL));
        pop.seen(new Event.CallConnected("ucs", null, "u1", null));
        pop.seen(new Event.CallRinging("ucs", null, "u1", CALL));
        Call campaign = new Call("c9", Direction.OUTBOUND, null, new Party("555", null), null, new Campaign("42", "Renovação"),
                new Customer(null, null, "C-778"), null, null);
        pop.seen(new Event.CallRinging("ucs", null, "c9", campaign));
        pop.seen(new Event.CallRinging("ucs", null, "none", Call.of("none")));
        assertEquals(List.of("https://crm.example.com/support?phone=%2B420%20603%20123%20456",
                "https://crm.example.com/campaign/C-778"), opened);
    }

    @Test
    void onConnectedWaitsForTheAnswerAndUsesWhatRingingSaid() throws Exception {
        FeaturesConfig.ScreenPop cfg = config("""
                screenPop:
                  on: connected
                  rules:
                    - url: https://crm.example.com/?n={number}&q={queue.name}
                """).features().screenPop();
        List<String> opened = new ArrayList<>();
        ScreenPop pop = new ScreenPop(cfg, opened::add);
        pop.seen(new Event.CallRinging("ucs", null, "u1", CALL));
        assertEquals(List.of(), opened);
        pop.seen(new Event.CallConnected("ucs", null, "u1", null));
        assertEquals(List.of("https://crm.example.com/?n=%2B420%20603%20123%20456&q=Podpora"), opened);
    }

    @Test
    void badTemplatesAreRefusedWithTheirLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("""
                screenPop:
                  rules:
                    - url: https://crm.example.com/?n={numbr}
                """));
        assertEquals("config.yml:3: screenPop.rules[0].url: unknown field {numbr}; did you mean {number}?", e.getMessage());
        e = assertThrows(ConfigException.class, () -> config("screenPop:\n  rules:\n    - url: javascript:alert(1)\n"));
        assertEquals("config.yml:3: screenPop.rules[0].url: expected an http or https URL template, got \"javascript:alert(1)\"", e.getMessage());
        e = assertThrows(ConfigException.class, () -> config("screenPop:\n  rules:\n    - url: https://{data.host}/x\n"));
        assertEquals("config.yml:3: screenPop.rules[0].url: fields may only follow the host (https://host/path?q={number}), got \"https://{data.host}/x\"",
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> config("screenPop:\n  on: hangup\n"));
        assertEquals("config.yml:2: screenPop.on: expected one of ringing, connected, got \"hangup\"", e.getMessage());
    }

    @Test
    void journalAndFlowSectionsAndDefaults() throws Exception {
        FeaturesConfig d = config("vendor: ucs\nucs: {api: {hostname: ucs.example.cz}}\n").features();
        assertEquals(new FeaturesConfig.Journal(true, null, 90), d.journal());
        assertEquals(false, d.screenPop().enabled());
        FeaturesConfig f = config("""
                journal:
                  file: /var/tmp/unibar/journal.db
                  retentionDays: 30
                flows:
                  folder: /srv/flows
                """).features();
        assertEquals(new FeaturesConfig.Journal(true, Path.of("/var/tmp/unibar/journal.db"), 30), f.journal());
        assertEquals(Path.of("/srv/flows"), f.flows().folder());
        ConfigException e = assertThrows(ConfigException.class, () -> config("journal:\n  retention: 3\n"));
        assertEquals("config.yml:2: journal.retention: unknown key; did you mean \"retentionDays\"?", e.getMessage());
    }

    @Test
    void theSystemBrowserGetsTheUrlAsOneArgument() {
        assertEquals(List.of("xdg-open", "https://x/?a=1&b=2"), new SystemBrowser("Linux").command("https://x/?a=1&b=2"));
        assertEquals(List.of("open", "https://x/"), new SystemBrowser("Mac OS X").command("https://x/"));
        assertEquals(List.of("rundll32", "url.dll,FileProtocolHandler", "https://x/"), new SystemBrowser("Windows 11").command("https://x/"));
        assertThrows(IllegalArgumentException.class, () -> new SystemBrowser("Linux").accept("file:///etc/passwd"));
    }
}
