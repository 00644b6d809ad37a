package dev.unibar.connectors.epbx;

import dev.unibar.config.Secret;

/**
 * Talk Telecom EPBX middleware (seed 004).
 *
 * @param serviceBase   e.g. {@code http://server/Service/}: OAuth, SignalR and downloads hang below it
 * @param tokenPath     OAuth token endpoint relative to serviceBase (default {@code oauth2/Token})
 * @param clientId      OAuth client_id (default {@code abc}, the vendor clients' own default)
 * @param signalr       {@code classic} (ASP.NET SignalR 2, default) or {@code core}
 * @param hub           hub name (default {@code AtendimentoHub})
 * @param corePath      hub path for the Core transport relative to serviceBase (default {@code atendimentoHub})
 * @param username      default login name for the form (may be null)
 * @param password      optional stored password (a secret reference)
 * @param device        default pairing value: PA id, IP or virtual extension
 * @param logonType     default pairing type: {@code idPa}, {@code ip} or {@code ramalVirtual}
 * @param recordingsDir default folder for downloaded recordings (may be null: ask the agent)
 * @param wrapUpInterval id (RamalStatusDetalheId) of the after-call-work interval; null: the interval
 *                       whose Descricao starts with "Pós" (docs/vendors/epbx-protocol.md, assumed)
 * @param readyInterval  id passed to AlterarIntervaloTipo to become available; null: {@code 0}
 * @param inboundDirecao ChamadaInfo.Direcao value of an inbound call; null: {@code 2} (the vendor's JS sample;
 *                       its billing table says 1, see docs/vendors/epbx-protocol.md)
 */
public record EpbxConfig(String serviceBase, String tokenPath, String clientId, String signalr, String hub,
                         String corePath, String username, Secret password, String device, String logonType,
                         String recordingsDir, String wrapUpInterval, String readyInterval, String inboundDirecao) {

    public static final String DEFAULT_CLIENT_ID = "abc";

    public EpbxConfig(String serviceBase, String tokenPath, String clientId, String signalr, String hub,
                      String corePath, String username, Secret password, String device, String logonType,
                      String recordingsDir, String wrapUpInterval, String readyInterval) {
        this(serviceBase, tokenPath, clientId, signalr, hub, corePath, username, password, device, logonType,
                recordingsDir, wrapUpInterval, readyInterval, null);
    }

    /** The shape before wrap-up and ready intervals were configurable; both take their defaults. */
    public EpbxConfig(String serviceBase, String tokenPath, String clientId, String signalr, String hub,
                      String corePath, String username, Secret password, String device, String logonType,
                      String recordingsDir) {
        this(serviceBase, tokenPath, clientId, signalr, hub, corePath, username, password, device, logonType,
                recordingsDir, null, null);
    }

    /** The OAuth client_id: the vendor's C# and JS clients send {@code abc} unless told otherwise. */
    public String effectiveClientId() {
        return clientId != null && !clientId.isBlank() ? clientId : DEFAULT_CLIENT_ID;
    }

    public String effectiveTokenPath() {
        return tokenPath != null && !tokenPath.isBlank() ? tokenPath : "oauth2/Token";
    }

    public String effectiveHub() {
        return hub != null && !hub.isBlank() ? hub : "AtendimentoHub";
    }

    public String effectiveCorePath() {
        return corePath != null && !corePath.isBlank() ? corePath : "atendimentoHub";
    }

    public String effectiveReadyInterval() {
        return readyInterval != null && !readyInterval.isBlank() ? readyInterval : "0";
    }

    /** {@code core} selects ASP.NET Core SignalR; anything else the classic SignalR 2 default. */
    public boolean coreSignalR() {
        return "core".equalsIgnoreCase(signalr);
    }

    /** serviceBase with exactly one trailing slash, so paths below it can be appended. */
    public String base() {
        if (serviceBase == null) return null;
        return serviceBase.endsWith("/") ? serviceBase : serviceBase + "/";
    }
}
