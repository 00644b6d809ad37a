package dev.unibar.connectors.epbx.sim;

/** A workstation known to the PBX: Iniciar finds it by IdPa (1), Ip (2) or the ramal itself (3). */
public record EpbxDevice(String ramal, int idPa, String ip) {
}
