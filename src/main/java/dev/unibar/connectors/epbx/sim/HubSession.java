package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.unibar.connectors.epbx.sim.HubArgs.intArg;
import static dev.unibar.connectors.epbx.sim.HubArgs.stringArg;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_ALREADY_LOGGED;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_LOGOFF_IN_CALL;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_TIPO_LOGON;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_UNKNOWN_DEVICE;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_UNKNOWN_INTERVAL;

/** The extension's log-in (Iniciar, Terminar) and its intervals (AlterarIntervaloTipo). */
record HubSession(HubLine l, AtendimentoHub hub) {

    void iniciar(ArrayNode a) {
        if (l.device != null) throw new HubError(ERR_ALREADY_LOGGED);
        String key = stringArg(a, 0, "Iniciar");
        int tipo = intArg(a, 1, "Iniciar");
        EpbxDevice found = null;
        for (EpbxDevice d : l.devices) {
            boolean match = switch (tipo) {
                case 1 -> key.equals(String.valueOf(d.idPa()));
                case 2 -> key.equals(d.ip());
                case 3 -> key.equals(d.ramal());
                default -> throw new HubError(ERR_TIPO_LOGON);
            };
            if (match) {
                found = d;
                break;
            }
        }
        String erro = l.behaviour.takeLogadoErro();
        if (erro != null) {
            l.push("onLogadoErro", VendorShapes.ramalInfo(found == null ? "0" : found.ramal()), VendorShapes.exception(erro));
            return;
        }
        if (found == null) throw new HubError(ERR_UNKNOWN_DEVICE);
        boolean again = found.equals(l.lastDevice);
        l.device = found;
        l.lastDevice = found;
        l.tipoLogon = tipo;
        if (!again) {
            l.intervalId = l.findInterval(l.initialInterval) == null ? 0 : l.initialInterval;
            l.intervalSince = l.now();
        }
        AtendimentoHub before = hub.extensionLoggedIn(found.ramal());
        if (before != null && before != hub) takeCallsFrom(before);
        l.push("onLogado", l.ri());
        for (EpbxInterval i : l.intervals) l.push("onInfoIntervaloRamal", l.ri(), VendorShapes.intervalo(i, i.id(), false));
        if (l.intervalId != 0) {
            l.push("onSetIntervaloRamal", l.ri(), VendorShapes.intervalo(l.findInterval(l.intervalId), l.intervalId, false));
            l.push("onInicioIntervalo", l.ri());
        }
    }

    /**
     * A new connection logged in the extension that a lost connection left: the calls on the PBX carry
     * over (the middleware's interval does not). Nothing is pushed: a client asks ChamadaAtiva.
     */
    private void takeCallsFrom(AtendimentoHub beforeHub) {
        synchronized (beforeHub) {
            HubLine before = beforeHub.line();
            if (!before.closed) return;
            l.main = before.main;
            l.consult = before.consult;
            l.participants.addAll(before.participants);
            l.conference = before.conference;
            l.queue.addAll(before.queue);
            l.followMe = before.followMe;
            l.lastEnded = before.lastEnded;
            before.main = null;
            before.consult = null;
            before.participants.clear();
            before.conference = false;
            before.queue.clear();
        }
    }

    void terminar() {
        if (l.main != null || l.consult != null) throw new HubError(ERR_LOGOFF_IN_CALL);
        ObjectNode r = l.ri();
        l.device = null;
        l.lastDevice = null;
        l.intervalId = 0;
        l.push("onDeslogado", r);
    }

    void alterarIntervalo(int id) {
        if (id != 0 && l.findInterval(id) == null) {
            l.push("onAlterarIntervaloTipoErro", l.ri(), VendorShapes.exception(ERR_UNKNOWN_INTERVAL));
            return;
        }
        if (id == l.intervalId) return;
        if (l.main != null && id != 0) {
            // During a call the interval waits for the call to end (RamalStatusDestinoId 1 in the vendor's WPF sample).
            l.pendingInterval = id;
            l.push("onSetIntervaloRamal", l.ri(), VendorShapes.intervalo(l.findInterval(id), id, true));
            return;
        }
        changeInterval(id);
    }

    void changeInterval(int id) {
        if (l.intervalId != 0) l.push("onTerminoIntervalo", l.ri());
        l.intervalId = id;
        l.intervalSince = l.now();
        l.push("onSetIntervaloRamal", l.ri(), VendorShapes.intervalo(l.findInterval(id), id, false));
        if (id != 0) l.push("onInicioIntervalo", l.ri());
    }
}
