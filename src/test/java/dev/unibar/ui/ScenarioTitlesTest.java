package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.app.Vendors;
import dev.unibar.connectors.VendorModule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every scenario a vendor's simulator offers has a title in every language: the Simulator menu shows no raw ids. */
class ScenarioTitlesTest {

    @Test
    void everySimulatorScenarioHasATitleInEveryBundle() {
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (VendorModule m : Vendors.all()) {
            VendorContext ctx = VendorContext.open(m, m::openDemo, Clock.systemUTC());
            try {
                for (String name : ctx.scenarios()) {
                    seen++;
                    for (String lang : List.of("en", "cs", "pt-BR", "it", "fr")) {
                        if (Messages.forLanguage(lang).scenarioTitle(m.id(), name).equals(name)) {
                            missing.add(m.id() + "/" + name + " (" + lang + ")");
                        }
                    }
                }
            } finally {
                ctx.close();
            }
        }
        assertFalse(seen == 0, "the simulators offer scenarios");
        assertEquals(List.of(), missing);
    }

    @Test
    void aNameTwoSimulatorsUseDifferentlyGetsEachVendorsTitle() {
        Messages cs = Messages.forLanguage("cs");
        assertEquals("Linka nedostupná", cs.scenarioTitle("epbx", "unavailable"));
        assertEquals("Operátor nedostupný", cs.scenarioTitle("max", "unavailable"));
        assertEquals("Příchozí hovor", cs.scenarioTitle("ucs", "inbound"));
    }

    @Test
    void theStatusLineNamesTheVendorAsAgentsKnowIt() {
        for (VendorModule m : Vendors.all()) {
            for (String lang : List.of("en", "cs", "pt-BR", "it", "fr")) {
                String shown = StatusLine.shortVendorName(Messages.forLanguage(lang), m.id());
                assertFalse(shown.isBlank());
                assertFalse(shown.equals(m.id()), "not the raw id: " + m.id() + " (" + lang + ")");
            }
        }
    }
}
