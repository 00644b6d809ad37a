package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** One leg the extension is part of: the customer call, a consultation, a participant or a queued caller. */
final class HubLeg {

    final String canalId;
    final String telefone;
    final int tipoDiscagem;
    final int direcao;
    final int intervalAtStart;
    final Instant dataHora;
    final ObjectNode dialer;
    boolean answered;
    boolean held;
    String globalId;

    HubLeg(String canalId, String telefone, int tipoDiscagem, int direcao, int intervalAtStart,
           Instant dataHora, ObjectNode dialer) {
        this.canalId = canalId;
        this.telefone = telefone;
        this.tipoDiscagem = tipoDiscagem;
        this.direcao = direcao;
        this.intervalAtStart = intervalAtStart;
        this.dataHora = dataHora;
        this.dialer = dialer;
    }
}
