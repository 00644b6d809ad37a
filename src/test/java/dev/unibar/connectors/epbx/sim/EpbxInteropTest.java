package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.unibar.connectors.epbx.sim.EpbxTestHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Clients nobody here wrote: the jQuery SignalR 2 plugin (npm "signalr", in a jsdom window on another
 * origin, driven through the simulator's own signalr/hubs proxy) and @microsoft/signalr, run by Node.
 * Fails, never skips, when Node or interop/node_modules is missing: mvn verify installs them with npm ci.
 */
class EpbxInteropTest {

    private static final Path INTEROP = Path.of("interop");
    private EpbxSimulator sim;

    @BeforeEach
    void start() {
        sim = EpbxSimulator.builder().port(0).build().start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    /** Runs a script; returns its JSON lines by step (events keyed "event:NAME"). */
    private Map<String, JsonNode> run(String script) throws Exception {
        if (!Files.isDirectory(INTEROP.resolve("node_modules"))) {
            fail("interop/node_modules is missing: run `npm ci` in interop/ (mvn verify does it in generate-test-resources)");
        }
        String token = EpbxTestHttp.token(sim);
        ProcessBuilder pb = new ProcessBuilder("node", script, "--base", sim.serviceBase(), "--token", token,
                "--ramal", "1000", "--numero", "11987654321", "--timeout", "30000", "--secret", sim.secret())
                .directory(INTEROP.toFile()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            throw new AssertionError("node is not on the PATH", e);
        }
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(l);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(script + " did not finish in 60 s: " + lines);
        }
        reader.join(5000);
        List<String> out;
        synchronized (lines) {
            out = List.copyOf(lines);
        }
        assertEquals(0, p.exitValue(), script + " failed: " + out);
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        for (String l : out) {
            if (!l.startsWith("{")) continue;
            JsonNode n = JSON.readTree(l);
            String step = n.path("step").asText();
            steps.putIfAbsent(step.equals("event") ? "event:" + n.path("event").asText() : step, n);
        }
        return steps;
    }

    private void assertRecorded(String transport, String wireIniciar) {
        List<EpbxSimulator.Invocation> iniciar = sim.awaitRecordedCount("Iniciar", 2, Duration.ofSeconds(5));
        assertEquals(transport, iniciar.get(0).transport());
        assertEquals(wireIniciar, iniciar.get(0).wireMethod());
        assertTrue(iniciar.get(0).ok());
        assertEquals("1000", iniciar.get(0).args().get(0).asText());
        assertEquals(3, iniciar.get(0).args().get(1).asInt());
        assertFalse(iniciar.get(1).ok());
        assertEquals("Ramal já está logado", iniciar.get(1).error());
        EpbxSimulator.Invocation discar = sim.awaitRecorded("Discar", Duration.ofSeconds(5));
        assertTrue(discar.ok());
        assertEquals(transport, discar.transport());
        assertEquals("11987654321", discar.args().get(0).asText());
        assertEquals(1, discar.args().get(1).asInt());
        assertEquals(iniciar.get(0).connectionId(), discar.connectionId());
    }

    @Test
    void jquerySignalR2ClientThroughTheGeneratedProxy() throws Exception {
        Map<String, JsonNode> s = run("classic-client.mjs");
        assertTrue(s.get("hubs").get("contentType").asText().startsWith("application/javascript"));
        List<String> methods = new ArrayList<>();
        s.get("hubs").get("methods").forEach(m -> methods.add(m.asText()));
        assertTrue(methods.containsAll(List.of("discar", "desligar", "iniciar", "consultar", "transferir",
                "alterarIntervaloTipo")), methods.toString());
        assertEquals("webSockets", s.get("started").get("transport").asText());
        // The proxy carries the enum objects the vendor's adapter reads (TipoDiscagem.LigacaoExterna).
        assertEquals(1, s.get("hubs").get("enums").get("TipoDiscagem").get("LigacaoExterna").asInt());
        assertEquals(3, s.get("hubs").get("enums").get("TipoLogon").get("RamalVirtual").asInt());
        assertEquals(1000, s.get("onLogado").get("ramal").asInt(), "RamalInfo.Ramal, as app.js reads it");
        assertEquals("Ramal já está logado", s.get("iniciarAgain").get("error").asText());
        assertEquals("11987654321", s.get("onDisca").get("telefone").asText());
        assertEquals(1000, s.get("onDisca").get("ramal").asInt());
        assertTrue(s.get("onDisca").get("canalId").asText().startsWith("SIP/1000-"));
        assertTrue(s.containsKey("reconnected"), "the jQuery client reconnected after the drop: " + s.keySet());
        assertEquals(s.get("onDisca").get("canalId").asText(), s.get("onDesliga").get("canalId").asText(),
                "a push after the reconnect reaches the same hub state");
        assertTrue(s.containsKey("done"));
        // the generated proxy invokes the C# method name
        assertRecorded("classic", "Iniciar");
        assertEquals(s.get("started").get("connectionId").asText(),
                sim.awaitRecorded("Discar", Duration.ofSeconds(1)).connectionId());
    }

    @Test
    void microsoftSignalRJavaScriptClient() throws Exception {
        Map<String, JsonNode> s = run("core-client.mjs");
        assertEquals("WebSockets", s.get("started").get("transport").asText());
        assertEquals(1000, s.get("onLogado").get("ramal").asInt());
        assertTrue(s.get("iniciarAgain").get("error").asText().contains("Ramal já está logado"));
        assertEquals(1, s.get("onDisca").get("direcao").asInt(), "Direcao 1: the agent's own outbound call");
        assertTrue(s.containsKey("done"));
        assertRecorded("core", "Iniciar");
    }
}
