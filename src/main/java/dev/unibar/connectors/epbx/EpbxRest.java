package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.Payloads;

/**
 * Lenient reading of the REST replies whose shape the vendor does not publish (IntervaloAtual,
 * ChamadaAtiva: docs/vendors/epbx-protocol.md, assumed): an object, an array's first object, or nothing.
 */
final class EpbxRest {

    private EpbxRest() {
    }

    static JsonNode firstObject(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode n = Payloads.JSON.readTree(body);
            if (n != null && n.isArray() && n.size() > 0) n = n.get(0);
            return n != null && n.isObject() && n.size() > 0 ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
