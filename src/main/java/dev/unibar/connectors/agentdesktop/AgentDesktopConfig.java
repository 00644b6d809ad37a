package dev.unibar.connectors.agentdesktop;

import dev.unibar.connectors.webbar.Origins;
import dev.unibar.core.model.PauseReason;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code agentdesktop:} section. {@code baseUrl} is AgentDesktop's address ending in its path
 * ({@code /AD/} by default); the SDK is {@code <baseUrl>widget/agentdesktop_widget.js}.
 *
 * @param widgetPort the loopback port of Unibar's widget page (the Widget URI registered in AgentDesktop Manager)
 * @param methods    the SDK call behind each action (defaults in {@link #DEFAULT_METHODS})
 * @param widgetHttpsPort the loopback port of the https widget page, served when {@code baseUrl} is https
 * @param widgetKeystore  where that page's certificate is kept; null = Unibar's config directory
 */
public record AgentDesktopConfig(String baseUrl, int widgetPort, Map<String, SdkCall> methods, String resourceType,
                                 String serviceId, String callProfileId, List<PauseReason> pauseCodes,
                                 List<String> trustedOrigins, int widgetHttpsPort, Path widgetKeystore) {

    public static final String DEFAULT_PATH = "/AD/";
    public static final int DEFAULT_WIDGET_PORT = 47180;
    public static final int DEFAULT_WIDGET_HTTPS_PORT = 47181;
    public static final String KEYSTORE_FILE = "agentdesktop-widget.p12";

    /** Without the https page's settings (their defaults). */
    public AgentDesktopConfig(String baseUrl, int widgetPort, Map<String, SdkCall> methods, String resourceType,
                              String serviceId, String callProfileId, List<PauseReason> pauseCodes, List<String> trustedOrigins) {
        this(baseUrl, widgetPort, methods, resourceType, serviceId, callProfileId, pauseCodes, trustedOrigins,
                DEFAULT_WIDGET_HTTPS_PORT, null);
    }

    /** True when AgentDesktop is https, so Unibar's WebView needs the https widget page. */
    public boolean https() {
        return baseUrl.startsWith("https:");
    }

    /** Action → call. Sources and what is assumed: docs/vendors/agentdesktop.md, "Functions". */
    public static final Map<String, String> DEFAULT_METHODS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dial", "CONTACT.MakeCall(number, resourceType, serviceId, callProfileId, callData)");
        m.put("answer", "CONTACT.Answer(contactId)");
        m.put("hangup", "CONTACT.HangupByContactID(contactId)");
        m.put("hold", "CONTACT.Hold(contactId)");
        m.put("resume", "CONTACT.Hold(contactId)");
        m.put("blindTransfer", "CONTACT.Transfer_Direct(contactId, destination, resourceType, callData)");
        m.put("consult", "CONTACT.Transfer_Consultation(contactId, destination, resourceType, callData)");
        m.put("completeTransfer", "CONTACT.Transfer_Complete(heldContactId)");
        m.put("completeConference", "CONTACT.Transfer_Complete_Conference(heldContactId)");
        m.put("cancelConsult", "CONTACT.Hangup(consultContactId)");
        m.put("endWrapUp", "CONTACT.OfflineEnd(contactId)");
        m.put("setCallData", "CONTACT.SetCallData(contactId, callData)");
        m.put("startRecording", "CONTACT.StartRecording(contactId)");
        m.put("stopRecording", "CONTACT.StopRecording(contactId)");
        m.put("ready", "AGENT.Login()");
        m.put("pause", "AGENT.Pause()");
        m.put("pauseWithCode", "AGENT.PauseSubState(code)");
        m.put("logout", "AGENT.Logout()");
        m.put("alert", "ALERT.ShowError(message)");
        return java.util.Collections.unmodifiableMap(m);
    }

    public AgentDesktopConfig {
        methods = Map.copyOf(methods);
        pauseCodes = List.copyOf(pauseCodes);
        trustedOrigins = List.copyOf(trustedOrigins);
    }

    /** Every default, with {@code overrides} (action → call text) on top. */
    public static Map<String, SdkCall> methods(Map<String, String> overrides) {
        Map<String, SdkCall> out = new LinkedHashMap<>();
        DEFAULT_METHODS.forEach((k, v) -> out.put(k, SdkCall.parse(v)));
        overrides.forEach((k, v) -> out.put(k, SdkCall.parse(v)));
        return out;
    }

    public SdkCall method(String action) {
        SdkCall c = methods.get(action);
        if (c == null) throw new IllegalArgumentException("no SDK call for " + action);
        return c;
    }

    public String sdkUrl() {
        return baseUrl + "widget/agentdesktop_widget.js";
    }

    /** {@code scheme://host[:port]} of AgentDesktop: the only page allowed to frame the widget. */
    public String origin() {
        return Origins.of(baseUrl);
    }
}
