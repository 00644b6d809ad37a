package dev.unibar.app;

import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.ui.BarContext;
import dev.unibar.ui.LoginMode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composition root picks the vendor set-up a configuration asks for (the UCS one needs the FX thread: UcsEndToEndTest). */
class VendorContextTest {

    @Test
    void epbxDemoRunsTheEpbxSimulatorAndANativeLogin() throws Exception {
        UnibarConfig demo = UnibarConfig.demoOf("epbx");
        BarContext ctx = VendorContext.create(demo);
        try {
            VendorContext vc = assertInstanceOf(VendorContext.class, ctx);
            EpbxSimulator sim = vc.simulator(EpbxSimulator.class);
            assertEquals(LoginMode.NATIVE, ctx.loginMode());
            assertTrue(ctx.pairsDeviceAtLogin());
            assertTrue(ctx.distinguishesInternalNumbers());
            assertTrue(ctx.vendorView().isEmpty(), "EPBX has no web bar");
            assertTrue(ctx.scenarios().contains("dialer"));
            assertEquals("agent", ctx.loginDefaults().username());
            assertEquals("1000", ctx.loginDefaults().device());
            HttpResponse<String> hubs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.serviceBase() + "signalr/hubs")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hubs.statusCode(), "the demo simulator is up");

            ctx.session().start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ctx.session().store().state().phase() != SessionPhase.CREDENTIALS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(SessionPhase.CREDENTIALS, ctx.session().store().state().phase());
            assertEquals(ConnectionStatus.DISCONNECTED, ctx.session().store().state().connection(),
                    "nothing is connected before the agent logs in");
        } finally {
            ctx.close();
        }
    }

    @Test
    void aVendorWithoutAConnectorIsRefusedByName() {
        UnibarConfig avaya = new UnibarConfig(null, "avaya", null, null, java.util.Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VendorContext.create(avaya));
        assertTrue(e.getMessage().contains("avaya"));
        assertFalse(e.getMessage().isBlank());
    }
}
