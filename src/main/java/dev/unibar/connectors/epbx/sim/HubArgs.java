package dev.unibar.connectors.epbx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Reads hub method arguments as leniently as the vendor's server: numbers may arrive as strings. */
final class HubArgs {

    private HubArgs() {
    }

    static String stringArg(ArrayNode a, int i, String method) {
        JsonNode n = a.get(i);
        if (n == null || n.isNull() || n.isContainerNode()) throw badArgs(method);
        return n.asText().trim();
    }

    static int intArg(ArrayNode a, int i, String method) {
        JsonNode n = a.get(i);
        if (n == null || n.isNull()) throw badArgs(method);
        if (n.isIntegralNumber()) return n.asInt();
        try {
            return Integer.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            throw badArgs(method);
        }
    }

    static String numeroArg(ArrayNode a, String method) {
        String numero = stringArg(a, 0, method);
        if (numero.isEmpty() || !numero.matches("[0-9*#+]{2,20}")) throw new HubError(HubTexts.ERR_NUMERO);
        return numero;
    }

    static int tipoDiscagemArg(ArrayNode a) {
        JsonNode n = a.get(1);
        int tipo;
        if (n == null || n.isNull()) {
            tipo = 0;
        } else if (n.isIntegralNumber()) {
            tipo = n.asInt();
        } else {
            try {
                tipo = Integer.parseInt(n.asText().trim());
            } catch (NumberFormatException e) {
                tipo = 0;
            }
        }
        if (tipo != 1 && tipo != 2) throw new HubError(HubTexts.ERR_TIPO_DISCAGEM);
        return tipo;
    }

    static HubError badArgs(String method) {
        return new HubError("Parâmetros inválidos para " + method);
    }
}
