package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;

import static dev.unibar.connectors.epbx.sim.HubArgs.numeroArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.tipoDiscagemArg;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_ALREADY_HELD;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_BUSY;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_CONSULT_EXISTS;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_CONSULT_NOT_ANSWERED;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_CONSULT_OPEN;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_INTERVAL_NO_DIAL;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NOT_HELD;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NO_CALL;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NO_CONSULT;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NO_SUCH_CALL;

/**
 * The agent's own call methods: dial (and the far end's answer, busy or no answer), hang up, hold,
 * consult, transfer, voicemail; and how a customer call ends (recording id, pending interval, wrap-up).
 */
record HubCalls(HubLine l, HubSession session) {

    void discar(ArrayNode a) {
        String numero = numeroArg(a, "Discar");
        int tipo = tipoDiscagemArg(a);
        if (l.main != null) throw new HubError(ERR_BUSY);
        EpbxInterval current = l.findInterval(l.intervalId);
        if (current != null && !current.produtivo()) throw new HubError(ERR_INTERVAL_NO_DIAL);
        HubLeg leg = l.newLeg(numero, tipo, VendorShapes.DIRECAO_SAINTE, null);
        l.main = leg;
        String error = l.behaviour.takeDialError();
        if (error != null) {
            l.main = null;
            l.push("onDisca", l.ri(), l.chamada(leg));
            l.push("onDiscaErro", l.ri(), l.chamada(leg), VendorShapes.exception(error));
            return;
        }
        l.push("onDisca", l.ri(), l.chamada(leg));
        farEnd(leg, l.behaviour.outboundOutcome, l.behaviour.outboundAnswerMs, false);
    }

    /** The far end of a leg the agent placed: answers, is busy or does not answer (onDiscaStatus, then onDesliga). */
    void farEnd(HubLeg leg, SimBehaviour.Outcome outcome, long answerMs, boolean consultLeg) {
        switch (outcome) {
            case ANSWER -> l.after(answerMs, () -> {
                if (!l.current(leg) || leg.answered) return;
                leg.answered = true;
                if (!consultLeg) leg.globalId = l.answeredGlobalId();
                l.push(consultLeg ? "onConsultaAtendido" : "onAtendido", l.ri(), l.chamada(leg));
            });
            case BUSY, NOANSWER -> l.after(outcome == SimBehaviour.Outcome.BUSY ? l.behaviour.busyMs
                    : l.behaviour.noAnswerMs, () -> {
                if (!l.current(leg) || leg.answered) return;
                int status = outcome == SimBehaviour.Outcome.BUSY ? VendorShapes.OCUPADO : VendorShapes.NAO_ATENDE;
                l.push("onDiscaStatus", l.ri(), l.chamada(leg), VendorShapes.resultado("DAHDI/i1-" + leg.canalId.substring(
                        leg.canalId.length() - 4), status));
                if (consultLeg) {
                    l.consult = null;
                    l.push("onDesliga", l.ri(), l.chamada(leg));
                } else {
                    endMain(false);
                }
            });
        }
    }

    void desligar() {
        if (l.consult != null) {
            HubLeg c = l.consult;
            l.consult = null;
            l.push("onDesliga", l.ri(), l.chamada(c));
            return;
        }
        if (l.main == null) throw new HubError(ERR_NO_CALL);
        endMain(true);
    }

    void desligarChamada(String canalId) {
        if (l.consult != null && l.consult.canalId.equals(canalId)) {
            HubLeg c = l.consult;
            l.consult = null;
            l.push("onDesliga", l.ri(), l.chamada(c));
        } else if (l.main != null && l.main.canalId.equals(canalId)) {
            if (l.consult != null) {
                // The held customer is released; the consultation becomes the agent's only call.
                HubLeg m = l.main;
                l.main = l.consult;
                l.consult = null;
                l.lastEnded = m;
                l.push("onDesliga", l.ri(), l.chamada(m));
                pushRecording(m);
            } else {
                endMain(true);
            }
        } else {
            throw new HubError(ERR_NO_SUCH_CALL);
        }
    }

    /** Ends the customer call: conference, recording id, the pending interval and, after a dialer call, wrap-up. */
    void endMain(boolean recording) {
        HubLeg leg = l.main;
        l.main = null;
        if (l.conference) {
            l.conference = false;
            l.push("onConferenciaTermino", l.ri());
        }
        l.participants.clear();
        l.lastEnded = leg;
        l.push("onDesliga", l.ri(), l.chamada(leg));
        if (recording) pushRecording(leg);
        if (l.pendingInterval >= 0) {
            int p = l.pendingInterval;
            l.pendingInterval = -1;
            session.changeInterval(p);
            return;
        }
        int wrap = l.behaviour.dialerWrapUpInterval;
        if (leg.dialer != null && wrap != 0 && l.findInterval(wrap) != null && l.intervalId != wrap) {
            session.changeInterval(wrap);
        }
    }

    private void pushRecording(HubLeg leg) {
        if (leg.answered && l.behaviour.recordCalls) pushGlobalId(leg, leg.globalId);
    }

    String pushGlobalId(HubLeg leg, String wanted) {
        String globalId = wanted != null && !wanted.isBlank() ? wanted : l.newGlobalId();
        leg.globalId = globalId;
        l.recordings.accept(globalId);
        l.push("onChamadaGlobalId", l.ri(), l.chamada(leg), globalId);
        return globalId;
    }

    void iniciarEspera() {
        if (l.main == null || !l.main.answered) throw new HubError(ERR_NO_CALL);
        if (l.main.held) throw new HubError(ERR_ALREADY_HELD);
        l.main.held = true;
        l.push("onInicioEspera", l.ri());
    }

    void terminarEspera() {
        if (l.main == null || !l.main.held) throw new HubError(ERR_NOT_HELD);
        if (l.consult != null) throw new HubError(ERR_CONSULT_OPEN);
        l.main.held = false;
        l.push("onTerminoEspera", l.ri());
    }

    void consultar(ArrayNode a) {
        String numero = numeroArg(a, "Consultar");
        int tipo = tipoDiscagemArg(a);
        if (l.main == null || !l.main.answered) throw new HubError(ERR_NO_CALL);
        if (l.consult != null) throw new HubError(ERR_CONSULT_EXISTS);
        if (!l.main.held) {
            l.main.held = true;
            l.push("onInicioEspera", l.ri());
        }
        HubLeg leg = l.newLeg(numero, tipo, VendorShapes.DIRECAO_SAINTE, null);
        l.consult = leg;
        l.push("onConsultaChamada", l.ri(), l.chamada(leg));
        farEnd(leg, l.behaviour.consultOutcome, l.behaviour.consultAnswerMs, true);
    }

    /** Hangs up the consultation and returns to the held call (app.js: "volta para a chamada que estava em espera"). */
    void liberarConsulta() {
        if (l.consult == null) throw new HubError(ERR_NO_CONSULT);
        HubLeg c = l.consult;
        l.consult = null;
        l.push("onDesliga", l.ri(), l.chamada(c));
        if (l.main != null && l.main.held) {
            l.main.held = false;
            l.push("onTerminoEspera", l.ri());
        }
    }

    /** Transferir(numero, tipo) is blind (the C# client, Salesforce); Transferir() completes a consultation (the JS sample). */
    void transferir(ArrayNode a) {
        boolean blind = a.size() > 0 && !a.get(0).isNull() && !a.get(0).asText().isBlank();
        if (blind) {
            numeroArg(a, "Transferir");
            tipoDiscagemArg(a);
            if (l.main == null || !l.main.answered) throw new HubError(ERR_NO_CALL);
            if (l.consult != null) throw new HubError(ERR_CONSULT_EXISTS);
            l.push("onChamadaTransferida", l.ri(), l.chamada(l.main));
            endMain(true);
            return;
        }
        if (l.consult == null || l.main == null) throw new HubError(ERR_NO_CONSULT);
        if (!l.consult.answered) throw new HubError(ERR_CONSULT_NOT_ANSWERED);
        HubLeg c = l.consult;
        l.consult = null;
        l.push("onChamadaTransferida", l.ri(), l.chamada(l.main));
        endMain(true);
        l.push("onDesliga", l.ri(), l.chamada(c));
    }

    void transfereVoiceMail() {
        if (l.main == null) throw new HubError(ERR_NO_CALL);
        l.push("onChamadaTransferida", l.ri(), l.chamada(l.main));
        endMain(false);
    }
}
