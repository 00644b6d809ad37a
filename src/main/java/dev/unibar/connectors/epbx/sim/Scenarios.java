package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenarios and faults, reachable from Java ({@link EpbxSimulator#scenario}) and HTTP
 * ({@code POST {base}sim/scenario/{name}}). Unknown names raise IllegalArgumentException (HTTP 404);
 * a scenario that needs a logged-in ramal and finds none raises IllegalStateException (HTTP 409).
 */
final class Scenarios {

    static final Map<String, String> NAMES = new LinkedHashMap<>();
    static {
        NAMES.put("inbound", "A call arrives (onChamada) and is answered on the SIP phone after answerAfterMs "
                + "(onAtendido); answer:false lets it ring ringMs then onChamadaPerdida. "
                + "Params: ramal, telefone, answer, answerAfterMs, ringMs");
        NAMES.put("dialer", "A dialer call with customer fields, auto-answered; after Desligar: onDesliga, "
                + "onChamadaGlobalId, onInicioIntervalo 9. Params: ramal, telefone, codigoCliente, nomeCliente, "
                + "codigoCampanha, telefoneCliente, infoAdicional1..5, answerAfterMs");
        NAMES.put("outbound", "How the far end of Discar behaves. Params: outcome answer|busy|noanswer, "
                + "answerAfterMs, busyMs, noAnswerMs");
        NAMES.put("consult", "How the target of Consultar behaves. Params: outcome answer|busy|noanswer, answerAfterMs");
        NAMES.put("conference", "Whether the next ConferenciaIniciar succeeds. Params: outcome ok|error, message");
        NAMES.put("interval", "Forces an interval (0 = none). Params: id, ramal");
        NAMES.put("hangup", "The customer hangs up the current call. Params: ramal");
        NAMES.put("recording", "Announces onChamadaGlobalId for the current or last call and makes it "
                + "downloadable; enabled:false stops calls from producing recordings. Params: globalId, enabled, ramal");
        NAMES.put("drop", "Fault: every WebSocket is cut without a close frame");
        NAMES.put("restart", "Fault: the middleware stops and starts on the same port, forgetting connections"
                + " (and, with forgetTokens: true, every access and refresh token, as after kill -9)");
        NAMES.put("refuse-refresh", "Fault: refresh_token grants are refused (refuse:false undoes it)");
        NAMES.put("reject-method", "Fault: the next invocation of method fails with message. Params: method, message");
        NAMES.put("logado-erro", "Fault: the next Iniciar is answered with onLogadoErro. Params: message");
        NAMES.put("token-lifetime", "Lifetime of tokens issued from now on. Params: ms");
        NAMES.put("queue", "Callers start waiting in the extension's queue (onChamadaEntrouNaFila); the agent "
                + "takes one with AtendeChamadaNaFila. Params: ramal, telefone, count");
        NAMES.put("queue-abandon", "The oldest waiting caller gives up (onChamadaSaiuDaFila). Params: ramal");
        NAMES.put("dial-error", "The next Discar fails at the PBX: onDisca then onDiscaErro. Params: message");
        NAMES.put("busy-number", "A conference participant at this number is busy (onConferenciaDiscaErro). "
                + "Params: telefone");
        NAMES.put("pickup", "A call rings at another extension, ready for CapturaDirigida. Params: telefone");
        NAMES.put("unavailable", "The PBX marks the extension unavailable (onInicioNaoDisponivel) or, with "
                + "on:false, available again. Params: ramal, on");
        NAMES.put("conexao-erro", "Fault: the PBX loses the extension and pushes onConexaoErro; Iniciar takes it "
                + "back. Params: ramal, message");
        NAMES.put("forget", "Fault: the PBX forgets the extension silently; the next method answers "
                + "\"Ramal não logado no Atendimento\". Params: ramal");
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Scenarios() {
    }

    static ArrayNode describe(ObjectMapper json) {
        ArrayNode a = json.createArrayNode();
        NAMES.forEach((k, v) -> a.addObject().put("name", k).put("description", v));
        return a;
    }

    static JsonNode run(EpbxSimulator sim, String name, JsonNode p) {
        if (p == null || p.isNull()) p = F.objectNode();
        ObjectNode out = F.objectNode();
        out.put("ok", true);
        out.put("scenario", name);
        String ramal = p.hasNonNull("ramal") ? p.get("ramal").asText() : null;
        SimBehaviour b = sim.behaviour;
        switch (name) {
            case "inbound" -> {
                AtendimentoHub hub = idleHub(sim, ramal);
                out.put("canalId", hub.offerCall(p.path("telefone").asText("11987654321"), null,
                        p.path("answer").asBoolean(true), p.path("answerAfterMs").asLong(1000),
                        p.path("ringMs").asLong(3000)));
                out.put("ramal", hub.ramal());
            }
            case "dialer" -> {
                AtendimentoHub hub = idleHub(sim, ramal);
                String telefone = p.path("telefone").asText("11987654321");
                ObjectNode d = F.objectNode();
                d.put("CodigoCliente", p.path("codigoCliente").asText("C-778"));
                d.put("NomeCliente", p.path("nomeCliente").asText("João da Silva"));
                d.put("CodigoCampanha", p.path("codigoCampanha").asText("42"));
                d.put("TelefoneCliente", p.path("telefoneCliente").asText(telefone));
                String[] defaults = {"Plano Ouro", "Vencimento 10", "Cliente desde 2019", "", ""};
                for (int i = 1; i <= 5; i++) {
                    d.put("InfoAdicional" + i, p.path("infoAdicional" + i).asText(defaults[i - 1]));
                }
                out.put("canalId", hub.offerCall(telefone, d, p.path("answer").asBoolean(true),
                        p.path("answerAfterMs").asLong(500), p.path("ringMs").asLong(3000)));
                out.put("ramal", hub.ramal());
            }
            case "outbound" -> {
                if (p.hasNonNull("outcome")) b.outboundOutcome = outcome(p.get("outcome").asText());
                if (p.hasNonNull("answerAfterMs")) b.outboundAnswerMs = p.get("answerAfterMs").asLong();
                if (p.hasNonNull("busyMs")) b.busyMs = p.get("busyMs").asLong();
                if (p.hasNonNull("noAnswerMs")) b.noAnswerMs = p.get("noAnswerMs").asLong();
                out.put("outcome", b.outboundOutcome.name().toLowerCase());
            }
            case "consult" -> {
                if (p.hasNonNull("outcome")) b.consultOutcome = outcome(p.get("outcome").asText());
                if (p.hasNonNull("answerAfterMs")) b.consultAnswerMs = p.get("answerAfterMs").asLong();
                out.put("outcome", b.consultOutcome.name().toLowerCase());
            }
            case "conference" -> {
                String o = p.path("outcome").asText("ok");
                b.conferenceError = o.equalsIgnoreCase("error")
                        ? p.path("message").asText("Falha ao iniciar a conferência") : null;
            }
            case "interval" -> {
                if (!p.hasNonNull("id")) throw new IllegalArgumentException("interval needs an id");
                List<AtendimentoHub> hubs = sim.loggedHubs(ramal);
                if (hubs.isEmpty()) throw new IllegalStateException(noRamal(ramal));
                for (AtendimentoHub h : hubs) h.forceInterval(p.get("id").asInt());
            }
            case "hangup" -> {
                AtendimentoHub target = null;
                for (AtendimentoHub h : sim.loggedHubs(ramal)) {
                    if (h.mainCanalId() != null || h.consultCanalId() != null) {
                        target = h;
                        break;
                    }
                }
                if (target == null) throw new IllegalStateException("no call to hang up");
                target.remoteHangup();
            }
            case "recording" -> {
                if (p.hasNonNull("enabled")) {
                    b.recordCalls = p.get("enabled").asBoolean();
                    out.put("enabled", b.recordCalls);
                    break;
                }
                List<AtendimentoHub> hubs = sim.loggedHubs(ramal);
                if (hubs.isEmpty()) throw new IllegalStateException(noRamal(ramal));
                out.put("globalId", hubs.get(0).announceRecording(p.path("globalId").asText(null)));
            }
            case "drop" -> sim.dropConnections();
            case "restart" -> sim.restart(p.path("forgetTokens").asBoolean(false));
            case "refuse-refresh" -> sim.refuseRefresh = p.path("refuse").asBoolean(true);
            case "reject-method" -> {
                String method = p.path("method").asText("");
                if (AtendimentoHub.canonical(method) == null) {
                    throw new IllegalArgumentException("unknown hub method: " + method);
                }
                b.rejectNext(method, p.path("message").asText("Erro simulado"));
            }
            case "logado-erro" -> b.logadoErroNext(p.path("message").asText("Ramal já logado em outra estação"));
            case "token-lifetime" -> sim.tokenLifetime(Duration.ofMillis(p.path("ms").asLong(600_000)));
            case "queue" -> {
                List<AtendimentoHub> hubs = sim.loggedHubs(ramal);
                if (hubs.isEmpty()) throw new IllegalStateException(noRamal(ramal));
                ArrayNode ids = out.putArray("canalIds");
                String telefone = p.path("telefone").asText("11955550001");
                for (int i = 0; i < Math.max(1, p.path("count").asInt(1)); i++) {
                    ids.add(hubs.get(0).enqueue(i == 0 ? telefone : telefone.substring(0, telefone.length() - 1) + i));
                }
            }
            case "queue-abandon" -> out.put("canalId", firstHub(sim, ramal).abandonQueue());
            case "dial-error" -> b.dialErrorNext(p.path("message").asText("Tronco indisponível"));
            case "busy-number" -> b.busyNumber(p.path("telefone").asText("1133334444"));
            case "pickup" -> b.pickupAvailable(p.path("telefone").asText("11977770000"));
            case "unavailable" -> firstHub(sim, ramal).unavailable(p.path("on").asBoolean(true));
            case "conexao-erro" -> firstHub(sim, ramal).connectionError(
                    p.path("message").asText("Falha de comunicação com a telefonia"));
            case "forget" -> firstHub(sim, ramal).forgetSilently();
            default -> throw new IllegalArgumentException("unknown scenario: " + name + " (known: " + NAMES.keySet() + ")");
        }
        return out;
    }

    private static AtendimentoHub idleHub(EpbxSimulator sim, String ramal) {
        List<AtendimentoHub> hubs = sim.loggedHubs(ramal);
        if (hubs.isEmpty()) throw new IllegalStateException(noRamal(ramal));
        for (AtendimentoHub h : hubs) if (h.mainCanalId() == null) return h;
        throw new IllegalStateException("every logged-in ramal already has a call");
    }

    private static AtendimentoHub firstHub(EpbxSimulator sim, String ramal) {
        List<AtendimentoHub> hubs = sim.loggedHubs(ramal);
        if (hubs.isEmpty()) throw new IllegalStateException(noRamal(ramal));
        return hubs.get(0);
    }

    private static String noRamal(String ramal) {
        return ramal == null ? "no ramal is logged in (call Iniciar first)" : "ramal " + ramal + " is not logged in";
    }

    private static SimBehaviour.Outcome outcome(String s) {
        try {
            return SimBehaviour.Outcome.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome must be answer, busy or noanswer: " + s);
        }
    }
}
