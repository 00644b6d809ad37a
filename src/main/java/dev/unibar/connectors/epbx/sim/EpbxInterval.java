package dev.unibar.connectors.epbx.sim;

/** One RamalStatusDetalhe the ramal may use (EPBX "intervalo"). */
public record EpbxInterval(int id, String descricao, boolean produtivo) {
}
