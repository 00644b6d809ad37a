package dev.unibar.connectors.epbx;

import dev.unibar.testkit.Wait;
import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.epbx.EpbxConfig;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.ConnectionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connector over the real classic transport and a fake hub: login, events, and a server restart. */
class EpbxConnectorClassicTest {

    private final List<String> iniciar = new CopyOnWriteArrayList<>();
    private FakeClassicHub hub;
    private EpbxConnector connector;

    @AfterEach
    void tearDown() throws Exception {
        if (connector != null) connector.stop();
        if (hub != null) hub.close();
    }

    @Test
    void loginEventsAndAServerRestartReRunIniciar() throws Exception {
        hub = new FakeClassicHub();
        hub.keepAliveTimeout = 0.5;
        hub.methods = (m, a) -> {
            if (m.equals("iniciar")) {
                iniciar.add(a.toString());
                // The middleware answers the start-up with onLogado, like the simulator.
                new Thread(() -> hub.push("onLogado", "1000", Map.of("Ramal", "1000", "Nome", "Maria"))).start();
            }
            return (JsonNode) null;
        };
        EpbxConfig cfg = new EpbxConfig(hub.base(), null, "unibar", "classic", null, null, null, null, null, null,
                null, null, null);
        connector = new EpbxConnector(cfg, HttpClient.newHttpClient(),
                () -> new ClassicSignalRTransport(HttpClient.newHttpClient(), cfg.base(),
                        new HubTransport.Backoff(50, 200, 0)));
        EpbxConnectorTest.RecordingSink sink = new EpbxConnectorTest.RecordingSink();
        connector.start(sink);
        connector.send(new Command.Login("maria", "pw-123456", false, "1000", "ramalVirtual"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(List.of("[\"1000\",3]"), iniciar);
        Wait.until("session.ready", java.time.Duration.ofMillis(5000), () -> sink.has("session.ready"));
        assertTrue(sink.raw.get(0).startsWith("{\"callback\":\"onLogado\",\"args\":[\"1000\","), sink.raw.get(0));

        hub.forgetConnections();
        hub.dropConnection();
        Wait.until("RECONNECTING", java.time.Duration.ofMillis(5000), () -> sink.connection.contains(ConnectionStatus.RECONNECTING));
        Wait.until("Iniciar again", java.time.Duration.ofMillis(10000), () -> iniciar.size() == 2);
        Wait.until("ready again", java.time.Duration.ofMillis(5000), () -> sink.events.stream().filter(e -> e.contains("session.ready")).count() == 2);
        // Connected again once the state after the restart was asked for (Iniciar, then the REST view).
        Wait.until("CONNECTED", java.time.Duration.ofMillis(5000),
                () -> sink.connection.get(sink.connection.size() - 1) == ConnectionStatus.CONNECTED);
        assertTrue(hub.requests.stream().anyMatch(r -> r.contains("IntervaloAtual")), hub.requests.toString());
    }
}
