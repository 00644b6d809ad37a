package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;

import static dev.unibar.connectors.epbx.sim.HubArgs.badArgs;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_BUSY;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NOTHING_TO_PICK;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NOT_IN_QUEUE;
import static dev.unibar.connectors.epbx.sim.HubTexts.ERR_NUMERO;

/** Calls that reach the agent other than by ringing: the queue, directed pick-up, and follow-me. */
final class HubQueue {

    private final HubLine l;

    HubQueue(HubLine line) {
        this.l = line;
    }

    void atendeChamadaNaFila(String canalId) {
        HubLeg found = null;
        for (HubLeg q : l.queue) if (q.canalId.equals(canalId)) found = q;
        if (found == null) throw new HubError(ERR_NOT_IN_QUEUE);
        if (l.main != null) throw new HubError(ERR_BUSY);
        l.queue.remove(found);
        l.push("onChamadaSaiuDaFila", l.ri(), l.chamada(found));
        l.main = found;
        found.answered = true;
        found.globalId = l.answeredGlobalId();
        l.push("onChamada", l.ri(), l.chamada(found));
        l.push("onAtendido", l.ri(), l.chamada(found));
    }

    /** Picks up a call ringing at another extension of the group (the JS sample passes the extension). */
    void capturaDirigida(ArrayNode a) {
        if (l.main != null) throw new HubError(ERR_BUSY);
        String from = l.behaviour.takePickup();
        if (from == null) throw new HubError(ERR_NOTHING_TO_PICK);
        HubLeg leg = l.newLeg(from, VendorShapes.EXTERNA, VendorShapes.DIRECAO_ENTRANTE, null);
        l.main = leg;
        leg.answered = true;
        leg.globalId = l.answeredGlobalId();
        l.push("onChamada", l.ri(), l.chamada(leg));
        l.push("onAtendido", l.ri(), l.chamada(leg));
    }

    void sigaMe(List<String> numbers) {
        l.followMe = List.copyOf(numbers);
    }

    void sigaMeMultiplo(ArrayNode a) {
        JsonNode list = a.get(0);
        if (list == null || !list.isArray() || list.isEmpty()) throw badArgs("SigaMeMultiplo");
        List<String> numbers = new ArrayList<>();
        for (JsonNode n : list) {
            String s = n.asText().trim();
            if (!s.matches("[0-9*#+]{2,20}")) throw new HubError(ERR_NUMERO);
            numbers.add(s);
        }
        l.followMe = List.copyOf(numbers);
        l.push("onNumerosSigaMeMultiplo", l.ri());
    }

    void cancelaSigaMe() {
        l.followMe = List.of();
    }

    /** A caller starts waiting in the extension's queue; returns its CanalId. */
    String enqueue(String telefone) {
        HubLeg leg = l.newLeg(telefone, VendorShapes.EXTERNA, VendorShapes.DIRECAO_ENTRANTE, null);
        l.queue.add(leg);
        l.push("onChamadaEntrouNaFila", l.ri(), l.chamada(leg));
        return leg.canalId;
    }

    /** The oldest waiting caller gives up; returns its CanalId. */
    String abandon() {
        if (l.queue.isEmpty()) throw new IllegalStateException("nobody is waiting");
        HubLeg leg = l.queue.remove(0);
        l.push("onChamadaSaiuDaFila", l.ri(), l.chamada(leg));
        return leg.canalId;
    }
}
