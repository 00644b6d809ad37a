package dev.unibar.connectors.agentdesktop;

import dev.unibar.app.Vendors;
import dev.unibar.config.ConfigException;
import dev.unibar.config.UnibarConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentDesktopConfigReaderTest {

    private static AgentDesktopConfig parse(String yaml) throws ConfigException {
        UnibarConfig c = Vendors.configLoader(k -> null).parse(yaml, "test.yml", null);
        return c.section("agentdesktop", AgentDesktopConfig.class);
    }

    @Test
    void bareServerGetsTheDefaultPathAndDefaults() throws Exception {
        AgentDesktopConfig c = parse("vendor: agentdesktop\nagentdesktop:\n  baseUrl: https://ad.example.it\n");
        assertEquals("https://ad.example.it/AD/", c.baseUrl());
        assertEquals("https://ad.example.it/AD/widget/agentdesktop_widget.js", c.sdkUrl());
        assertEquals("https://ad.example.it", c.origin());
        assertEquals(AgentDesktopConfig.DEFAULT_WIDGET_PORT, c.widgetPort());
        assertEquals(AgentDesktopConfig.DEFAULT_WIDGET_HTTPS_PORT, c.widgetHttpsPort());
        assertEquals(null, c.widgetKeystore(), "beside config.yml");
        assertTrue(c.https());
        assertEquals("CONTACT.Transfer_Consultation(contactId, destination, resourceType, callData)", c.method("consult").toString());
    }

    @Test
    void methodOverridesAndPauseCodes() throws Exception {
        AgentDesktopConfig c = parse("""
                vendor: agentdesktop
                agentdesktop:
                  baseUrl: https://ad.example.it:8443/ContaCT7/AD
                  widgetPort: 48000
                  widgetHttpsPort: 48001
                  widgetKeystore: /tmp/w.p12
                  methods:
                    consult: CONTACT.Transfer_Consult(destination, contactId, 'PHONE')
                  pauseCodes:
                    - {id: BREAK, label: Pausa}
                    - {id: 7}
                """);
        assertEquals("https://ad.example.it:8443/ContaCT7/AD/", c.baseUrl());
        assertEquals(48000, c.widgetPort());
        assertEquals(48001, c.widgetHttpsPort());
        assertEquals(Path.of("/tmp/w.p12"), c.widgetKeystore());
        SdkCall consult = c.method("consult");
        assertEquals("Transfer_Consult", consult.name());
        assertEquals(Arrays.asList("2001", "13f@x", "PHONE"), consult.args(Map.of("destination", "2001", "contactId", "13f@x")));
        assertEquals(List.of("BREAK", "7"), c.pauseCodes().stream().map(p -> p.id()).toList());
        assertEquals("7", c.pauseCodes().get(1).label());
    }

    @Test
    void trailingAbsentArgumentsAreLeftOut() {
        SdkCall dial = SdkCall.parse("CONTACT.MakeCall(number, resourceType, serviceId, callProfileId, callData)");
        assertEquals(List.of("0612345678"), dial.args(Map.of("number", "0612345678", "resourceType", "")));
        assertEquals(Arrays.asList("0612345678", null, "12"), dial.args(Map.of("number", "0612345678", "serviceId", "12")));
    }

    @Test
    void badMethodsAreConfigErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(
                "vendor: agentdesktop\nagentdesktop:\n  baseUrl: https://ad.example.it\n  methods:\n    consult: Transfer(contactId)\n"));
        assertTrue(e.getMessage().contains("agentdesktop.methods.consult"), e.getMessage());
        ConfigException arg = assertThrows(ConfigException.class, () -> parse(
                "vendor: agentdesktop\nagentdesktop:\n  baseUrl: https://ad.example.it\n  methods:\n    consult: CONTACT.X(contact)\n"));
        assertTrue(arg.getMessage().contains("unknown argument"), arg.getMessage());
        assertThrows(ConfigException.class, () -> parse(
                "vendor: agentdesktop\nagentdesktop:\n  baseUrl: https://ad.example.it\n  methods:\n    conslt: CONTACT.X()\n"));
        assertThrows(ConfigException.class, () -> parse("vendor: agentdesktop\nagentdesktop:\n  widgetPort: 1\n"));
    }

    @Test
    void theSampleSectionLoads() throws Exception {
        UnibarConfig c = Vendors.configLoader(k -> null).load(Path.of("config.sample.yml"));
        AgentDesktopConfig ad = c.section("agentdesktop", AgentDesktopConfig.class);
        assertEquals("https://ad.example.it/AD/", ad.baseUrl());
        assertEquals(AgentDesktopConfig.DEFAULT_METHODS.keySet(), ad.methods().keySet());
        AgentDesktopConfig.DEFAULT_METHODS.forEach((k, v) -> assertEquals(v, ad.method(k).toString(), "sample documents the default of " + k));
        assertEquals(2, ad.pauseCodes().size());
        assertEquals(47181, ad.widgetHttpsPort());
    }
}
