package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hub's argument objects exactly as the vendor's clients read them (talktelecom/atendimentosignalr
 * ModelsAndEnums.cs, talktelecom/integracaomanager app/app.js): RamalInfo {@code {"Ramal": 1000}}, a
 * Newtonsoft-serialized .NET Exception, IntervaloInfo and ResultadoDiscagem.
 */
final class VendorShapes {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** TipoDiscagem / TipoLogon / StatusDiscagemExterno values (ModelsAndEnums.cs). */
    static final int EXTERNA = 1;
    static final int RAMAL = 2;
    static final int NAO_ATENDE = -1;
    static final int OCUPADO = 0;
    /** Direcao as the vendor's JavaScript sample reads it: 2 is an inbound ("receptiva") call. */
    static final int DIRECAO_ENTRANTE = 2;
    static final int DIRECAO_SAINTE = 1;

    private VendorShapes() {
    }

    static ObjectNode ramalInfo(String ramal) {
        ObjectNode n = F.objectNode();
        try {
            n.put("Ramal", Integer.parseInt(ramal));
        } catch (NumberFormatException e) {
            n.put("Ramal", ramal);
        }
        return n;
    }

    static ObjectNode exception(String message) {
        ObjectNode n = F.objectNode();
        n.put("ClassName", "System.Exception");
        n.put("Message", message);
        n.putNull("Data");
        n.putNull("InnerException");
        n.putNull("HelpURL");
        n.putNull("StackTraceString");
        n.putNull("RemoteStackTraceString");
        n.put("RemoteStackIndex", 0);
        n.putNull("ExceptionMethod");
        n.put("HResult", -2146233088);
        n.putNull("Source");
        n.putNull("WatsonBuckets");
        return n;
    }

    static ObjectNode intervalo(EpbxInterval i, int id, boolean pending) {
        ObjectNode n = F.objectNode();
        n.put("Descricao", i == null ? (id == 0 ? "Livre" : "") : i.descricao());
        n.put("RamalStatusDetalheId", id);
        n.put("RamalStatusDestinoId", pending ? 1 : 0);
        n.put("Produtivo", i == null ? id == 0 : i.produtivo());
        return n;
    }

    static ObjectNode resultado(String canalSainte, int status) {
        ObjectNode n = F.objectNode();
        n.put("CanalSainte", canalSainte);
        n.putNull("InfoAdicional");
        n.put("StatusDiscagem", status);
        return n;
    }
}
