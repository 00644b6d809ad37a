package dev.unibar.connectors.max;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * Scripts for Unibar's hidden child frame inside the MAX page (decision 0011). The frame is an
 * {@code about:blank} iframe, so it shares MAX's origin and the top page's scripts (run from Java) may
 * define code inside it: a {@code postMessage} made by code of the child's realm has the child as its
 * {@code event.source}, which is what MAX answers to.
 */
final class MaxChildFrame {

    static final String FRAME_ID = "unibar-max-child";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs inside the child: sends to MAX (its parent) and forwards MAX's replies to the shim. */
    private static final String CHILD = String.join("\n",
            "(function () {",
            "  var issuers = {MAX: 1, CXA: 1, CXoneAgent: 1};",
            "  var max = window.parent;",
            "  window.__unibarMax = {",
            "    send: function (json) { max.postMessage(JSON.parse(json), max.location.origin); return true; }",
            "  };",
            "  window.addEventListener('message', function (ev) {",
            "    if (ev.source !== max || ev.origin !== max.location.origin) return;",
            "    var d = ev.data;",
            "    if (!d || typeof d !== 'object' || !issuers[d.issuer]) return;",
            "    if (max.unibar && max.unibar.capture) max.unibar.capture(d);",
            "  });",
            "})();");

    private MaxChildFrame() {
    }

    /**
     * Makes sure the child exists. Completes with {@code "new"} when it had to be created (a fresh MAX
     * page: any earlier subscription died with the old one), {@code "same"} when it was there, or
     * {@code "no-page"} while the top document is not MAX's (still loading, or a sign-in page of another
     * origin) or has not finished loading.
     */
    static String ensure(String maxOrigin) {
        return "(function () {\n"
                // Not before the page has loaded: a registration posted while MAX's scripts are still
                // arriving found no listener, got no acknowledgement, and may not be sent twice.
                + "  if (location.origin !== " + literal(maxOrigin) + " || !document.body"
                + " || document.readyState !== 'complete') return 'no-page';\n"
                + "  var f = document.getElementById('" + FRAME_ID + "');\n"
                + "  if (f && f.contentWindow && f.contentWindow.__unibarMax) return 'same';\n"
                + "  if (!f) {\n"
                + "    f = document.createElement('iframe');\n"
                + "    f.id = '" + FRAME_ID + "';\n"
                + "    f.setAttribute('aria-hidden', 'true');\n"
                + "    f.setAttribute('tabindex', '-1');\n"
                + "    f.style.cssText = 'display:none;width:0;height:0;border:0';\n"
                + "    document.body.appendChild(f);\n"
                + "  }\n"
                + "  f.contentWindow.eval(" + literal(CHILD) + ");\n"
                + "  return 'new';\n"
                + "})()";
    }

    /** Posts {@code message} to MAX from the child; completes with "true", or "no-child". */
    static String send(Map<String, ?> message) {
        String json;
        try {
            json = JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable: " + e.getOriginalMessage(), e);
        }
        return "(function () {\n"
                + "  var f = document.getElementById('" + FRAME_ID + "');\n"
                + "  var c = f && f.contentWindow && f.contentWindow.__unibarMax;\n"
                + "  return c ? String(c.send(" + literal(json) + ")) : 'no-child';\n"
                + "})()";
    }

    /** A JavaScript string literal (JSON's string syntax is valid JavaScript). */
    static String literal(String s) {
        try {
            return JSON.writeValueAsString(s).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
