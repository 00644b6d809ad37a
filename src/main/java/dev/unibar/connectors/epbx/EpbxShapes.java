package dev.unibar.connectors.epbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.CallEnd;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient readers of the EPBX hub shapes (docs/vendors/epbx-protocol.md): RamalInfo, .NET Exception,
 * ChamadaInfo, IntervaloInfo and ResultadoDiscagem. The vendor's two clients disagree on some argument
 * lists, so arguments after the RamalInfo are found by their shape, not only by their position.
 */
final class EpbxShapes {

    private EpbxShapes() {
    }

    /** The extension number of a RamalInfo ({@code {"Ramal": 1000}}), a bare scalar, or {@code {"Numero": ..}}. */
    static String ramal(JsonNode args, String name) throws MalformedCaptureException {
        if (args.size() < 1) throw new MalformedCaptureException(name + ": no RamalInfo argument");
        JsonNode r = args.get(0);
        if (r.isObject()) {
            String n = text(r, "Ramal");
            if (n == null) n = text(r, "Numero");
            if (n == null) throw new MalformedCaptureException(name + ": RamalInfo has no Ramal");
            return n;
        }
        String s = Payloads.scalar(r);
        if (s == null) throw new MalformedCaptureException(name + ": RamalInfo is not an object");
        return s;
    }

    /** A ChamadaInfo has a CanalId; the first argument after the RamalInfo that has one. */
    static JsonNode findChamada(JsonNode args) {
        for (int i = 1; i < args.size(); i++) {
            JsonNode a = args.get(i);
            if (a.isObject() && text(a, "CanalId") != null) return a;
        }
        return null;
    }

    static JsonNode chamada(JsonNode args, String name) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode c = args.size() > 1 ? args.get(1) : null;
        if (c == null || !c.isObject()) throw new MalformedCaptureException(name + ": ChamadaInfo is not an object");
        if (text(c, "CanalId") == null) throw new MalformedCaptureException(name + ": ChamadaInfo has no CanalId");
        return c;
    }

    /** A .NET Exception object or a plain message, anywhere after the RamalInfo; null when none. */
    static String findException(JsonNode args) {
        for (int i = 1; i < args.size(); i++) {
            JsonNode a = args.get(i);
            if (a.isTextual() && !a.asText().isBlank()) return a.asText();
            if (a.isObject() && (has(a, "Message") || has(a, "ClassName")) && !has(a, "CanalId")) {
                String m = text(a, "Message");
                return m != null ? m : text(a, "ClassName");
            }
        }
        return null;
    }

    static String exception(JsonNode args, String name) throws MalformedCaptureException {
        ramal(args, name);
        String m = findException(args);
        if (m == null) throw new MalformedCaptureException(name + ": no Exception argument");
        return m;
    }

    static JsonNode intervalo(JsonNode args, String name) throws MalformedCaptureException {
        ramal(args, name);
        JsonNode iv = args.size() > 1 ? args.get(1) : null;
        if (iv == null || !iv.isObject()) throw new MalformedCaptureException(name + ": IntervaloInfo is not an object");
        if (text(iv, "RamalStatusDetalheId") == null) {
            throw new MalformedCaptureException(name + ": IntervaloInfo has no RamalStatusDetalheId");
        }
        return iv;
    }

    /**
     * The causes EpbxMapper gives call.ended in the common vocabulary (decision 0055): StatusDiscagemExterno's
     * outcomes, onChamadaPerdida (missed), onDiscaErro (failed), a transfer, a call the middleware no longer has
     * after a reconnect (lost). Left out: unknown, and the end of a conference (onConferenciaTermino: a plain end).
     */
    static final Map<String, CallEnd> END_CAUSES = Map.of(
            "no_answer", CallEnd.FAILED_NO_ANSWER,
            "busy", CallEnd.FAILED_BUSY,
            "congestion", CallEnd.FAILED_CONGESTION,
            "service", CallEnd.FAILED,
            "extension_hangup", CallEnd.ABANDONED,
            "failed", CallEnd.FAILED,
            "missed", CallEnd.MISSED,
            "lost", CallEnd.LOST,
            "transfer", CallEnd.TRANSFERRED);

    /** StatusDiscagemExterno as the cause word; the enum's number or its name. */
    static String dialCause(JsonNode resultado) {
        String s = text(resultado, "StatusDiscagem");
        if (s == null) return "unknown";
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "-1": case "naoatende": return "no_answer";
            case "0": case "ocupado": return "busy";
            case "1": case "congestionamento": return "congestion";
            case "2": case "servico": return "service";
            case "3": case "ramaldesligou": return "extension_hangup";
            default: return "unknown";
        }
    }

    /**
     * Direcao as inbound (true), outbound (false) or unknown (null). Numbers follow the hub client's
     * reading ({@code inbound} is the configured value, 2 by default); the words of either reading count.
     */
    static Boolean inbound(JsonNode c, String inboundValue) {
        String d = text(c, "Direcao");
        if (d == null) return null;
        String v = d.trim().toLowerCase(Locale.ROOT);
        if (v.equals(inboundValue)) return true;
        if (v.startsWith("entra") || v.startsWith("recep")) return true;
        if (v.startsWith("sa") || v.startsWith("ativ")) return false;
        if (v.matches("\\d+")) return false;
        return null;
    }

    static boolean has(JsonNode obj, String name) {
        return obj != null && obj.get(field(obj, name)) != null;
    }

    /** A field read case-insensitively: the vendor's JSON is PascalCase, its JS samples camelCase. */
    static String text(JsonNode obj, String name) {
        if (obj == null || !obj.isObject()) return null;
        return Payloads.text(obj, field(obj, name));
    }

    static String field(JsonNode obj, String name) {
        if (obj == null || obj.has(name)) return name;
        Iterator<String> it = obj.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) return f;
        }
        return name;
    }

    static String digits(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) b.append(s.charAt(i));
        return b.toString();
    }
}
