package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;

import static dev.unibar.connectors.epbx.sim.HubArgs.numeroArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.tipoDiscagemArg;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_CONF_STARTED;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NOT_PARTICIPANT;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NO_CALL;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NO_CONF;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NO_PARTICIPANT;

/** The conference methods: participants are dialed when it starts, each leg reported. */
record HubConference(HubLine l, HubCalls calls) {

    void adicionar(ArrayNode a) {
        String numero = numeroArg(a, "ConferenciaAdicionar");
        int tipo = tipoDiscagemArg(a);
        if (l.main == null || !l.main.answered) throw new HubError(ERR_NO_CALL);
        if (l.consult != null && l.consult.answered && numero.equals(l.consult.telefone)) {
            // Assumed (the evidence adds participants by number only): the consulted party is already on a line, so
            // the conference takes that line instead of calling them a second time.
            HubLeg consulted = l.consult;
            l.consult = null;
            l.participants.add(consulted);
            if (l.conference) joined(consulted);
            return;
        }
        HubLeg leg = l.newLeg(numero, tipo, VendorShapes.DIRECAO_SAINTE, null);
        l.participants.add(leg);
        if (l.conference) dialParticipant(leg);
    }

    void iniciar() {
        if (l.main == null || !l.main.answered) throw new HubError(ERR_NO_CALL);
        if (l.conference) throw new HubError(ERR_CONF_STARTED);
        if (l.participants.isEmpty()) {
            l.push("onConferenciaErro", l.ri(), VendorShapes.exception(ERR_NO_PARTICIPANT));
            return;
        }
        String failure = l.behaviour.conferenceError;
        if (failure != null) {
            l.behaviour.conferenceError = null;
            l.participants.clear();
            l.push("onConferenciaErro", l.ri(), VendorShapes.exception(failure));
            return;
        }
        l.conference = true;
        if (l.main.held) {
            // The held caller joins the conference: their hold ends (assumed; the evidence is silent).
            l.main.held = false;
            l.push("onTerminoEspera", l.ri());
        }
        for (HubLeg p : new ArrayList<>(l.participants)) {
            if (p.answered) joined(p);
            else dialParticipant(p);
        }
        l.push("onConferenciaInicio", l.ri());
    }

    /** A participant already on a line (the consulted party) joins without being dialled. */
    private void joined(HubLeg p) {
        l.push("onConferenciaAtendido", l.ri(), l.chamada(p));
    }

    private void dialParticipant(HubLeg p) {
        l.push("onConferenciaDisca", l.ri(), l.chamada(p));
        if (l.behaviour.isBusy(p.telefone)) {
            l.participants.remove(p);
            l.push("onConferenciaDiscaErro", l.ri(), VendorShapes.exception("Número ocupado"));
            return;
        }
        p.answered = true;
        l.push("onConferenciaAtendido", l.ri(), l.chamada(p));
    }

    void terminar() {
        if (!l.conference) throw new HubError(ERR_NO_CONF);
        for (HubLeg p : l.participants) l.push("onConferenciaChamadaEncerrada", l.ri(), l.chamada(p));
        l.participants.clear();
        // The vendor's sample frees the extension on onConferenciaTermino: ending the conference ends the call.
        calls.endMain(true);
    }

    void cancelar() {
        if (!l.conference && l.participants.isEmpty()) throw new HubError(ERR_NO_CONF);
        for (HubLeg p : l.participants) if (p.answered) l.push("onConferenciaChamadaEncerrada", l.ri(), l.chamada(p));
        l.participants.clear();
        if (l.conference) {
            l.conference = false;
            l.push("onConferenciaTermino", l.ri());
        }
    }

    void remover(String numero) {
        if (!l.conference) throw new HubError(ERR_NO_CONF);
        HubLeg found = null;
        for (HubLeg p : l.participants) if (p.telefone.equals(numero)) found = p;
        if (found == null) throw new HubError(ERR_NOT_PARTICIPANT);
        l.participants.remove(found);
        l.push("onConferenciaChamadaEncerrada", l.ri(), l.chamada(found));
    }

    /** The agent leaves; the customer and the participants keep talking without the extension. */
    void sair() {
        if (!l.conference) throw new HubError(ERR_NO_CONF);
        HubLeg leg = l.main;
        l.main = null;
        l.conference = false;
        l.participants.clear();
        l.lastEnded = leg;
        l.push("onConferenciaTermino", l.ri());
        l.push("onDesliga", l.ri(), l.chamada(leg));
    }
}
