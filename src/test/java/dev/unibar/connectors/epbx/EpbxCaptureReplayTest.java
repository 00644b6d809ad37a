package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.json.EventJson;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every EPBX capture file, replayed through the LIVE connector in both SignalR transports: the simulator
 * is made to send exactly each line's client-method invocation ({@code POST sim/push}, with the run's
 * secret), and what the connector hands the session must be the file's golden {@code .expected.jsonl},
 * the very events {@code translate} gives (GoldenCapturesTest). So the transports deliver every event as
 * the vendor sent it (names, argument shapes, unknown events), and the live mapper agrees with translate.
 *
 * <p>Two differences are the live connector's knowledge, not the wire's, and are applied to the expected
 * lines: the agent's {@code login} is the user who logged in (translate knows no one), and recording URLs
 * are absolute below the service base (translate has no base).
 */
class EpbxCaptureReplayTest {

    private static final Path DIR = Path.of("src/test/resources/captures/epbx");
    private static final String USER = "maria";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Stream<Arguments> capturesInBothTransports() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> captures = files.filter(p -> p.toString().endsWith(".jsonl")
                    && !p.toString().endsWith(".expected.jsonl")).sorted().toList();
            for (String transport : List.of("classic", "core")) {
                for (Path c : captures) out.add(Arguments.of(transport, c.getFileName().toString()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("capturesInBothTransports")
    void theLiveConnectorMapsEachCaptureAsTranslateDoes(String transport, String file) throws Exception {
        List<JsonNode> lines = jsonLines(DIR.resolve(file));
        EpbxSimulator sim = EpbxSimulator.builder().port(0).user(USER, "segredo", "Maria Souza").build().start();
        EpbxConfig cfg = new EpbxConfig(sim.serviceBase(), null, "unibar", transport, null, null, null, null, null,
                null, null, null, null);
        EpbxConnector connector = new EpbxConnector(cfg, HTTP, null);
        // onConexaoErro makes the connector run Iniciar again after a while; the sim's answer is not the capture's.
        connector.recoveryDelayMs(TimeUnit.HOURS.toMillis(1));
        Session session = new Session(connector, Clock.systemUTC());
        session.start();
        try {
            session.send(new Command.Login(USER, "segredo", false, "1000", "ramalVirtual"))
                    .toCompletableFuture().get(15, TimeUnit.SECONDS);
            Wait.until("READY", Duration.ofSeconds(10), () -> session.store().state().phase() == SessionPhase.READY);
            // The log-in's own events put the mapper in a state translate does not start from: log it out first.
            push(sim, Payloads.JSON.readTree("{\"callback\":\"onDeslogado\",\"args\":[{\"Ramal\":1000}]}"));
            Wait.until("logged out", Duration.ofSeconds(10), () -> session.inspector().snapshot().stream()
                    .anyMatch(e -> e.raw() != null && e.raw().contains("\"onDeslogado\"")));
            long mark = lastSeq(session);

            for (JsonNode line : lines) push(sim, line);
            Wait.until(file + ": every line reached the connector", Duration.ofSeconds(20),
                    () -> replayed(session, mark).size() >= lines.size());

            List<InspectorEntry> entries = replayed(session, mark);
            List<JsonNode> raws = new ArrayList<>();
            List<String> got = new ArrayList<>();
            for (InspectorEntry e : entries) {
                raws.add(Payloads.JSON.readTree(e.raw()));
                for (Event ev : e.events()) got.add(withoutTime(EventJson.toNode(ev)));
            }
            assertEquals(lines, raws, "[" + transport + "] the lines as the connector received them");
            assertEquals(expected(file, sim.serviceBase()), got, "[" + transport + "] " + file);
        } finally {
            session.stop();
            sim.stop();
        }
    }

    /** Inspector entries after {@code mark} that came from the hub (REST reads and commands carry no callback). */
    private static List<InspectorEntry> replayed(Session session, long mark) {
        List<InspectorEntry> out = new ArrayList<>();
        for (InspectorEntry e : session.inspector().snapshot()) {
            if (e.seq() > mark && e.raw() != null && e.raw().startsWith("{\"callback\"")) out.add(e);
        }
        return out;
    }

    private static long lastSeq(Session session) {
        List<InspectorEntry> all = session.inspector().snapshot();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    private static void push(EpbxSimulator sim, JsonNode line) throws Exception {
        ObjectNode body = Payloads.JSON.createObjectNode();
        body.put("event", line.get("callback").asText());
        body.set("args", line.get("args"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.serviceBase() + "sim/push"))
                .header("X-Sim-Secret", sim.secret()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
    }

    private static List<JsonNode> jsonLines(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) out.add(Payloads.JSON.readTree(l));
        }
        return out;
    }

    private static List<String> expected(String file, String serviceBase) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : jsonLines(DIR.resolve(file.replaceFirst("\\.jsonl$", ".expected.jsonl")))) {
            ObjectNode o = (ObjectNode) n;
            if (o.get("agent") instanceof ObjectNode a) {
                // EventJson writes the agent's fields in record order: login comes before extension.
                ObjectNode withLogin = Payloads.JSON.createObjectNode();
                a.fields().forEachRemaining(f -> {
                    if (f.getKey().equals("extension") && !withLogin.has("login")) withLogin.put("login", USER);
                    withLogin.set(f.getKey(), f.getValue());
                });
                if (!withLogin.has("login")) withLogin.put("login", USER);
                o.set("agent", withLogin);
            }
            if (o.hasNonNull("url") && !o.get("url").asText().startsWith("http")) {
                o.put("url", serviceBase + o.get("url").asText());
            }
            out.add(o.toString());
        }
        return out;
    }

    private static String withoutTime(ObjectNode n) {
        n.remove("at");
        return n.toString();
    }
}
