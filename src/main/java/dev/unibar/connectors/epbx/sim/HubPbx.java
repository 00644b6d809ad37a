package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The PBX acting on its own (the scenarios): a call arrives, the customer hangs up, the supervisor
 * forces an interval, the PBX loses or forgets the extension, a recording is announced.
 */
record HubPbx(HubLine l, HubCalls calls, HubSession session) {

    /** See {@link AtendimentoHub#offerCall}. */
    String offerCall(String telefone, ObjectNode dialer, boolean answer, long answerAfterMs, long ringMs) {
        if (l.main != null) throw new IllegalStateException("ramal " + l.device.ramal() + " already has a call");
        if (!l.followMe.isEmpty() && dialer == null) return null;
        HubLeg leg = l.newLeg(telefone, VendorShapes.EXTERNA, dialer != null ? VendorShapes.DIRECAO_SAINTE
                : VendorShapes.DIRECAO_ENTRANTE, dialer);
        l.main = leg;
        l.push("onChamada", l.ri(), l.chamada(leg));
        if (answer) {
            l.after(answerAfterMs, () -> {
                if (!l.current(leg) || leg.answered) return;
                leg.answered = true;
                leg.globalId = l.answeredGlobalId();
                l.push("onAtendido", l.ri(), l.chamada(leg));
            });
        } else {
            l.after(ringMs, () -> {
                if (!l.current(leg) || leg.answered) return;
                l.main = null;
                l.lastEnded = leg;
                l.push("onChamadaPerdida", l.ri(), l.chamada(leg));
            });
        }
        return leg.canalId;
    }

    void connectionError(String message) {
        ObjectNode r = l.ri();
        l.device = null;
        l.push("onConexaoErro", r, VendorShapes.exception(message));
    }

    void forgetSilently() {
        l.device = null;
    }

    void remoteHangup() {
        if (l.consult != null && l.main == null) {
            HubLeg c = l.consult;
            l.consult = null;
            l.push("onDesliga", l.ri(), l.chamada(c));
            return;
        }
        if (l.main == null) throw new IllegalStateException("no call to hang up");
        calls.endMain(true);
    }

    void forceInterval(int id) {
        if (id != 0 && l.findInterval(id) == null) throw new IllegalStateException("unknown interval " + id);
        if (id != l.intervalId) session.changeInterval(id);
    }

    void unavailable(boolean on) {
        l.push(on ? "onInicioNaoDisponivel" : "onTerminoNaoDisponivel", l.ri());
    }

    String announceRecording(String globalId) {
        HubLeg leg = l.main != null ? l.main : l.lastEnded;
        if (leg == null) throw new IllegalStateException("no call to attach a recording to");
        return calls.pushGlobalId(leg, globalId);
    }
}
