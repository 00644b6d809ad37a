package dev.unibar.config;

/**
 * Talk Telecom EPBX middleware (seed 004).
 *
 * @param serviceBase   e.g. {@code http://server/Service/}: OAuth, SignalR and downloads hang below it
 * @param tokenPath     OAuth token endpoint relative to serviceBase (default {@code oauth2/Token})
 * @param clientId      OAuth client_id
 * @param signalr       {@code classic} (ASP.NET SignalR 2, default) or {@code core}
 * @param hub           hub name (default {@code AtendimentoHub})
 * @param corePath      hub path for the Core transport relative to serviceBase (default {@code atendimentoHub})
 * @param username      default login name for the form (may be null)
 * @param password      optional stored password (a secret reference)
 * @param device        default pairing value: PA id, IP or virtual extension
 * @param logonType     default pairing type: {@code idPa}, {@code ip} or {@code ramalVirtual}
 * @param recordingsDir default folder for downloaded recordings (may be null: ask the agent)
 * @param wrapUpInterval  the interval (RamalStatusDetalheId) that means after-call work, or null for the
 *                        default rule of docs/vendors/epbx-protocol.md
 * @param readyInterval   the interval id that means "available", or null for the default (0: no interval)
 */
public record EpbxConfig(String serviceBase, String tokenPath, String clientId, String signalr, String hub,
                         String corePath, String username, Secret password, String device, String logonType,
                         String recordingsDir, Integer wrapUpInterval, Integer readyInterval) {

    /** The shape before the interval settings existed; both stay at their defaults (null). */
    public EpbxConfig(String serviceBase, String tokenPath, String clientId, String signalr, String hub,
                      String corePath, String username, Secret password, String device, String logonType,
                      String recordingsDir) {
        this(serviceBase, tokenPath, clientId, signalr, hub, corePath, username, password, device, logonType,
                recordingsDir, null, null);
    }
}
