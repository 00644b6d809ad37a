package dev.unibar.sim.epbx;

/** One RamalStatusDetalhe the ramal may use (EPBX "intervalo"). */
public record EpbxInterval(int id, String descricao, boolean produtivo) {
}
