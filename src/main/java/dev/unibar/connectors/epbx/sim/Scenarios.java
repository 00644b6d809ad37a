package dev.unibar.connectors.epbx.sim;

import dev.unibar.simkit.Params;
import dev.unibar.simkit.ScenarioBook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenarios and faults, reachable from Java ({@link EpbxSimulator#scenario}), the bar's Simulator menu (by
 * name, without parameters: each one does what its name says with its defaults) and HTTP
 * ({@code POST {base}sim/scenario/{name}}). Unknown names are HTTP 404; a scenario that needs a logged-in
 * ramal and finds none raises IllegalStateException (HTTP 409).
 */
final class Scenarios {

    private Scenarios() {
    }

    /** {@code sim} is null for the list alone. */
    static ScenarioBook book(EpbxSimulator sim) {
        return new ScenarioBook().ignoreCase()
                .add("inbound", "A call arrives (onChamada) and is answered on the SIP phone after answerAfterMs "
                        + "(onAtendido); answer:false lets it ring ringMs then onChamadaPerdida. "
                        + "Params: ramal, telefone, answer, answerAfterMs, ringMs", (p, out) -> {
                            AtendimentoHub hub = idleHub(sim, p);
                            out.put("canalId", hub.offerCall(p.str("telefone", "11987654321"), null, p.bool("answer", true),
                                    p.num("answerAfterMs", 1000), p.num("ringMs", 3000)));
                            out.put("ramal", hub.ramal());
                        })
                .add("dialer", "A dialer call with customer fields, auto-answered; after Desligar: onDesliga, "
                        + "onChamadaGlobalId, onInicioIntervalo 9. Params: ramal, telefone, codigoCliente, nomeCliente, "
                        + "codigoCampanha, telefoneCliente, infoAdicional1..5, answerAfterMs", (p, out) -> dialer(sim, p, out))
                .add("outbound", "How the far end of Discar behaves. Params: outcome answer|busy|noanswer, "
                        + "answerAfterMs, busyMs, noAnswerMs", (p, out) -> {
                            SimBehaviour b = sim.behaviour;
                            if (p.has("outcome")) b.outboundOutcome = outcome(p.str("outcome", ""));
                            if (p.has("answerAfterMs")) b.outboundAnswerMs = p.num("answerAfterMs", 0);
                            if (p.has("busyMs")) b.busyMs = p.num("busyMs", 0);
                            if (p.has("noAnswerMs")) b.noAnswerMs = p.num("noAnswerMs", 0);
                            out.put("outcome", b.outboundOutcome.name().toLowerCase());
                        })
                .add("consult", "How the target of Consultar behaves. Params: outcome answer|busy|noanswer, answerAfterMs",
                        (p, out) -> {
                            SimBehaviour b = sim.behaviour;
                            if (p.has("outcome")) b.consultOutcome = outcome(p.str("outcome", ""));
                            if (p.has("answerAfterMs")) b.consultAnswerMs = p.num("answerAfterMs", 0);
                            out.put("outcome", b.consultOutcome.name().toLowerCase());
                        })
                .add("conference", "Whether the next ConferenciaIniciar succeeds. Params: outcome ok|error, message",
                        (p, out) -> sim.behaviour.conferenceError = p.str("outcome", "ok").equalsIgnoreCase("error")
                                ? p.str("message", "Falha ao iniciar a conferência") : null)
                .add("interval", "Forces an interval (0 = none; without an id the first configured one, as a supervisor "
                        + "would). Params: id, ramal", (p, out) -> {
                            List<AtendimentoHub> hubs = logged(sim, p);
                            int id = (int) p.num("id", sim.intervals.isEmpty() ? 0 : sim.intervals.get(0).id());
                            for (AtendimentoHub h : hubs) h.forceInterval(id);
                            out.put("id", id);
                        })
                .add("hangup", "The customer hangs up the current call. Params: ramal", (p, out) -> {
                    for (AtendimentoHub h : sim.loggedHubs(ramal(p))) {
                        if (h.mainCanalId() != null || h.consultCanalId() != null) {
                            h.remoteHangup();
                            return;
                        }
                    }
                    throw new IllegalStateException("no call to hang up");
                })
                .add("recording", "Announces onChamadaGlobalId for the current or last call and makes it "
                        + "downloadable; enabled:false stops calls from producing recordings. Params: globalId, enabled, ramal",
                        (p, out) -> {
                            if (p.has("enabled")) {
                                sim.behaviour.recordCalls = p.bool("enabled", true);
                                out.put("enabled", sim.behaviour.recordCalls);
                                return;
                            }
                            out.put("globalId", logged(sim, p).get(0).announceRecording(p.str("globalId", null)));
                        })
                .add("drop", "Fault: every WebSocket is cut without a close frame", (p, out) -> sim.dropConnections())
                .add("restart", "Fault: the middleware stops and starts on the same port, forgetting connections"
                        + " (and, with forgetTokens: true, every access and refresh token, as after kill -9)",
                        (p, out) -> sim.restart(p.bool("forgetTokens", false)))
                .add("refuse-refresh", "Fault: refresh_token grants are refused (refuse:false undoes it)",
                        (p, out) -> sim.refuseRefresh = p.bool("refuse", true))
                .add("reject-method", "Fault: the next hub invocation (of method, when given; else whichever comes) fails "
                        + "with message, as the server refuses a call. Params: method, message", (p, out) -> {
                            String method = p.str("method", "");
                            if (!method.isEmpty() && AtendimentoHub.canonical(method) == null) {
                                throw new IllegalArgumentException("unknown hub method: " + method);
                            }
                            String message = p.str("message", "Erro simulado");
                            if (method.isEmpty()) sim.behaviour.rejectAnyNext(message);
                            else sim.behaviour.rejectNext(method, message);
                            out.put("method", method.isEmpty() ? "*" : AtendimentoHub.canonical(method));
                        })
                .add("logado-erro", "Fault: the next Iniciar is answered with onLogadoErro. Params: message",
                        (p, out) -> sim.behaviour.logadoErroNext(p.str("message", "Ramal já logado em outra estação")))
                .add("token-lifetime", "Lifetime of tokens issued from now on. Params: ms",
                        (p, out) -> sim.tokenLifetime(Duration.ofMillis(p.num("ms", 600_000))))
                .add("queue", "Callers start waiting in the extension's queue (onChamadaEntrouNaFila); the agent "
                        + "takes one with AtendeChamadaNaFila. Params: ramal, telefone, count", (p, out) -> {
                            AtendimentoHub hub = logged(sim, p).get(0);
                            List<String> ids = new ArrayList<>();
                            String telefone = p.str("telefone", "11955550001");
                            for (int i = 0; i < Math.max(1, p.num("count", 1)); i++) {
                                ids.add(hub.enqueue(i == 0 ? telefone : telefone.substring(0, telefone.length() - 1) + i));
                            }
                            out.put("canalIds", ids);
                        })
                .add("queue-abandon", "The oldest waiting caller gives up (onChamadaSaiuDaFila). Params: ramal",
                        (p, out) -> out.put("canalId", logged(sim, p).get(0).abandonQueue()))
                .add("dial-error", "The next Discar fails at the PBX: onDisca then onDiscaErro. Params: message",
                        (p, out) -> sim.behaviour.dialErrorNext(p.str("message", "Tronco indisponível")))
                .add("busy-number", "A conference participant at this number is busy (onConferenciaDiscaErro). "
                        + "Params: telefone", (p, out) -> sim.behaviour.busyNumber(p.str("telefone", "1133334444")))
                .add("pickup", "A call rings at another extension, ready for CapturaDirigida. Params: telefone",
                        (p, out) -> sim.behaviour.pickupAvailable(p.str("telefone", "11977770000")))
                .add("unavailable", "The PBX marks the extension unavailable (onInicioNaoDisponivel) or, with "
                        + "on:false, available again. Params: ramal, on",
                        (p, out) -> logged(sim, p).get(0).unavailable(p.bool("on", true)))
                .add("conexao-erro", "Fault: the PBX loses the extension and pushes onConexaoErro; Iniciar takes it "
                        + "back. Params: ramal, message",
                        (p, out) -> logged(sim, p).get(0).connectionError(p.str("message", "Falha de comunicação com a telefonia")))
                .add("forget", "Fault: the PBX forgets the extension silently; the next method answers "
                        + "\"Ramal não logado no Atendimento\". Params: ramal", (p, out) -> logged(sim, p).get(0).forgetSilently());
    }

    private static void dialer(EpbxSimulator sim, Params p, Map<String, Object> out) {
        AtendimentoHub hub = idleHub(sim, p);
        String telefone = p.str("telefone", "11987654321");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("CodigoCliente", p.str("codigoCliente", "C-778"));
        d.put("NomeCliente", p.str("nomeCliente", "João da Silva"));
        d.put("CodigoCampanha", p.str("codigoCampanha", "42"));
        d.put("TelefoneCliente", p.str("telefoneCliente", telefone));
        String[] defaults = {"Plano Ouro", "Vencimento 10", "Cliente desde 2019", "", ""};
        for (int i = 1; i <= 5; i++) d.put("InfoAdicional" + i, p.str("infoAdicional" + i, defaults[i - 1]));
        out.put("canalId", hub.offerCall(telefone, sim.json.valueToTree(d), p.bool("answer", true),
                p.num("answerAfterMs", 500), p.num("ringMs", 3000)));
        out.put("ramal", hub.ramal());
    }

    private static String ramal(Params p) {
        return p.has("ramal") ? p.str("ramal", null) : null;
    }

    private static List<AtendimentoHub> logged(EpbxSimulator sim, Params p) {
        String ramal = ramal(p);
        List<AtendimentoHub> hubs = sim.loggedHubs(ramal);
        if (hubs.isEmpty()) {
            throw new IllegalStateException(ramal == null ? "no ramal is logged in (call Iniciar first)"
                    : "ramal " + ramal + " is not logged in");
        }
        return hubs;
    }

    private static AtendimentoHub idleHub(EpbxSimulator sim, Params p) {
        for (AtendimentoHub h : logged(sim, p)) if (h.mainCanalId() == null) return h;
        throw new IllegalStateException("every logged-in ramal already has a call");
    }

    private static SimBehaviour.Outcome outcome(String s) {
        try {
            return SimBehaviour.Outcome.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome must be answer, busy or noanswer: " + s);
        }
    }
}
