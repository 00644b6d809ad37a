package dev.unibar.connectors.agentdesktop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decision 0010's https path, built: an https AgentDesktop in the WebView loads Unibar's https widget page
 * and both directions work. In a child JVM ({@link ChildJvm} says why), so it runs in the suite.
 */
class HttpsWidgetTest {

    @Test
    void anHttpsAgentDesktopInTheWebViewLoadsTheHttpsWidget() throws Exception {
        ChildJvm.Result r = ChildJvm.run(HttpsWidgetProbe.class, 180);
        String log = String.join("\n", r.lines());
        assertEquals(0, r.exit(), log);
        assertTrue(r.lines().contains("OK CONTACT.Answer reached AgentDesktop with the contact id"), log);
    }
}
