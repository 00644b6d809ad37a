package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.connectors.ucs.UcsConfig;
import dev.unibar.connectors.Payloads;

import java.util.List;
import java.util.Map;

/**
 * The page Unibar serves to host the UCS operator bar: it sets {@code window.ucsOperator} from the
 * configuration, points every seed callback at the shim, and then loads UCS's own script, exactly as
 * the seed's integration example does in a CRM.
 */
public final class UcsHostPage {

    /** Where the host server serves this page. */
    public static final String PATH = "/ucs/";

    /** Every callback of seed 002, in the seed's order. */
    public static final List<String> CALLBACKS = List.of("onError", "onWarning", "onInfo", "onDebug", "onMessage",
            "onConnect", "onCredentials", "onLoginError", "onUser", "onIdentify", "onIdentifier", "onDevice",
            "onReady", "onStateChange", "onCallNew", "onCallRinging", "onCallConnect", "onCallHold", "onCallResume",
            "onCallHangup", "onCallMute", "onCallUnmute", "onAgentSuspend", "onAgentResume",
            "onWaitingCallersChange");

    private UcsHostPage() {
    }

    public static String html(UcsConfig cfg, String title) {
        ObjectNode settings = Payloads.JSON.createObjectNode();
        for (Map.Entry<String, Object> e : cfg.options().entrySet()) {
            settings.set(e.getKey(), Payloads.JSON.valueToTree(e.getValue()));
        }
        ObjectNode api = settings.putObject("api");
        api.put("hostname", cfg.apiHostname());
        api.put("port", String.valueOf(cfg.apiPort()));
        if (cfg.apiPath() != null) api.put("path", cfg.apiPath());
        api.put("secure", cfg.apiSecure());
        if (!settings.has("renderTo")) settings.put("renderTo", "ucsOperator");
        String renderTo = settings.get("renderTo").asText();
        StringBuilder cbs = new StringBuilder();
        for (String cb : CALLBACKS) cbs.append(cbs.length() == 0 ? "" : ",").append('"').append(cb).append('"');

        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>html,body{margin:0;font-family:sans-serif;font-size:13px}</style>\n"
                + "<script src=\"/unibar/shim.js\"></script>\n"
                + "<script>\n"
                + "window.ucsOperator = " + scriptSafe(settings.toString()) + ";\n"
                + "[" + cbs + "].forEach(function (name) {\n"
                + "  window.ucsOperator[name] = function () {\n"
                + "    window.unibar.capture({callback: name, args: Array.prototype.slice.call(arguments)});\n"
                + "  };\n"
                + "});\n"
                + "</script>\n"
                + "</head><body>\n"
                + "<div id=\"" + escape(renderTo) + "\"></div>\n"
                + "<script src=\"" + escape(cfg.effectiveScriptUrl()) + "\"></script>\n"
                + "</body></html>\n";
    }

    /** JSON inside a script element must not be able to close it. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
