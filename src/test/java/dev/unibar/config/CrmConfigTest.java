package dev.unibar.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRM link's keys: read, defaulted, and refused with file, line and key. */
class CrmConfigTest {

    private static UnibarConfig parse(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of("WH_SECRET", "s3cret-from-env")::get, List.of("ucs", "epbx"), Map.of())
                .parse(yaml, "config.yml", null);
    }

    @Test
    void theApiIsOffUntilOriginsAreListedAndEverySectionReadsAsDocumented() throws Exception {
        CrmConfig none = parse("vendor: ucs\n").features().crm();
        assertFalse(none.localApi().enabled());
        assertFalse(none.dispositions().enabled());
        assertTrue(none.webhooks().isEmpty());
        CrmConfig c = parse("""
                localApi:
                  origins: [https://acme.my.salesforce.com, "http://127.0.0.1:8080"]
                webhooks:
                  - url: https://crm.example.com/hooks/calls
                    secret: ${env:WH_SECRET}
                hooks:
                  onRing: [/usr/local/bin/crm-pop, "{number}", "{data.cpf}"]
                  timeoutSeconds: 3
                dispositions:
                  codes: [Sale, No sale]
                  waitSeconds: 60
                """).features().crm();
        assertTrue(c.localApi().enabled());
        assertEquals(CrmConfig.DEFAULT_PORT, c.localApi().port());
        assertEquals(URI.create("https://crm.example.com/hooks/calls"), c.webhooks().get(0).url());
        assertEquals("crm.example.com", c.webhooks().get(0).name());
        assertEquals("s3cret-from-env", c.webhooks().get(0).secret().reveal());
        assertFalse(c.webhooks().get(0).toString().contains("s3cret"), "the secret never prints");
        assertEquals(List.of("/usr/local/bin/crm-pop", "{number}", "{data.cpf}"), c.hooks().onRing());
        assertEquals(List.of("Sale", "No sale"), c.dispositions().codes());
        assertEquals(60, c.dispositions().waitSeconds());
    }

    @Test
    void mistakesNameTheirLineAndKey() {
        assertEquals("config.yml:3: webhooks[0].url: call records go only to https, or to http://127.0.0.1 / localhost,"
                + " got \"http://crm.example.com/x\"", assertThrows(ConfigException.class, () -> parse("""
                webhooks:
                  - secret: x
                    url: http://crm.example.com/x
                """)).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> parse("webhooks:\n  - url: https://crm.example.com/x\n"))
                .getMessage().contains("webhooks[0].secret: missing"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("localApi:\n  origins: [https://crm.example.com/path]\n"))
                .getMessage().contains("localApi.origins"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("hooks:\n  onEnd: [\"{number}\"]\n"))
                .getMessage().contains("the program (first element) cannot use call fields"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("hooks:\n  onEnd: [/bin/x, \"{numbr}\"]\n"))
                .getMessage().contains("unknown field {numbr}"));
        assertTrue(assertThrows(ConfigException.class, () -> parse("localApi:\n  orgins: []\n"))
                .getMessage().contains("did you mean \"origins\""));
    }
}
