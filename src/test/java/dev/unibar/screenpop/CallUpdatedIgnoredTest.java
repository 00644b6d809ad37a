package dev.unibar.screenpop;

import dev.unibar.config.FeaturesConfig;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** call.updated (AgentDesktop DATACHANGED) is no screen-pop moment: it neither pops nor breaks the next pop. */
class CallUpdatedIgnoredTest {

    @Test
    void anUpdateBeforeRingingDoesNotPopAndRingingStillDoes() throws Exception {
        FeaturesConfig.ScreenPop cfg = ScreenPopTest.config("""
                screenPop:
                  rules:
                    - url: https://crm.example.com/?e={data.ECID}
                """).features().screenPop();
        List<String> opened = new ArrayList<>();
        ScreenPop pop = new ScreenPop(cfg, opened::add);
        Call update = new Call("a1", null, null, null, null, null, null, Map.of("ECID", "E-9"), null);
        pop.seen(new Event.CallUpdated("agentdesktop", null, "a1", update));
        pop.seen(new Event.CallUpdated("agentdesktop", null, "a1", null));
        assertEquals(List.of(), opened);
        pop.seen(new Event.CallRinging("agentdesktop", null, "a1", new Call("a1", null, null, null, null, null, null,
                Map.of("ECID", "E-1"), null)));
        assertEquals(List.of("https://crm.example.com/?e=E-1"), opened);
    }
}
