package dev.unibar.connectors.ucs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.NamedEventMapper;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;

import java.util.ArrayList;
import java.util.List;

import static dev.unibar.connectors.ucs.UcsArgs.arg;
import static dev.unibar.connectors.ucs.UcsArgs.count;
import static dev.unibar.connectors.ucs.UcsArgs.object;
import static dev.unibar.connectors.ucs.UcsArgs.queueId;
import static dev.unibar.connectors.ucs.UcsCalls.call;
import static dev.unibar.connectors.ucs.UcsCalls.callEvent;
import static dev.unibar.connectors.ucs.UcsCalls.hangup;
import static dev.unibar.connectors.ucs.UcsSession.agent;
import static dev.unibar.connectors.ucs.UcsSession.device;
import static dev.unibar.connectors.ucs.UcsSession.devices;
import static dev.unibar.connectors.ucs.UcsSession.ready;
import static dev.unibar.connectors.ucs.UcsSession.stateChange;
import static dev.unibar.connectors.ucs.UcsTexts.keyed;
import static dev.unibar.connectors.ucs.UcsTexts.message;
import static dev.unibar.connectors.ucs.UcsTexts.sessionError;
import static dev.unibar.connectors.ucs.UcsTexts.vendorText;

/**
 * Maps UCS operator-bar callbacks (seed 002) to normalized events. A capture line is
 * {@code {"callback": "onCallRinging", "args": [ ... ]}}: the callback UCS invoked on window.ucsOperator and
 * the arguments it passed. Stateless, so the live bar and {@code translate} give the same output for the same
 * lines. This class dispatches on the callback; what the arguments mean is read in {@link UcsSession} (user,
 * device, status, onReady), {@link UcsCalls} (the Call object) and {@link UcsTexts} (UCS's own words).
 */
public final class UcsMapper extends NamedEventMapper {

    public static final String VENDOR = "ucs";

    public UcsMapper() {
        super(VENDOR, "callback", "no \"callback\" string");
    }

    @Override
    protected List<Event> map(String name, JsonNode line) throws MalformedCaptureException {
        JsonNode args = line.get("args");
        // A callback with no arguments (onCredentials) may be captured without "args".
        if (args != null && !args.isNull() && !args.isArray()) {
            throw new MalformedCaptureException("\"args\" is not an array");
        }
        List<Event> out = new ArrayList<>();
        switch (name) {
            case "onError" -> out.add(sessionError(arg(args, 0), null, "ucs.error"));
            case "onWarning" -> out.add(vendorText(NoticeLevel.WARNING, arg(args, 0), "ucs.warning"));
            case "onInfo" -> out.add(vendorText(NoticeLevel.INFO, arg(args, 0), "ucs.information"));
            // Debug chatter ("callback X called") is for the inspector, not the agent.
            case "onDebug" -> out.add(new Event.VendorUnmapped(VENDOR, null, name));
            case "onMessage" -> out.add(message(arg(args, 0)));
            case "onConnect" -> {
                String v = Payloads.scalar(arg(args, 0));
                out.add(v == null ? keyed(NoticeLevel.INFO, "ucs.connected") : keyed(NoticeLevel.INFO, "ucs.connectedVersion", v));
            }
            case "onCredentials" -> out.add(new Event.CredentialsRequired(VENDOR, null));
            case "onLoginError" -> {
                String code = Payloads.scalar(arg(args, 0));
                out.add(sessionError(arg(args, 1), code, "ucs.loginFailed"));
            }
            case "onUser" -> out.add(new Event.AgentLoggedIn(VENDOR, null, agent(object(args, 0, "user"))));
            case "onIdentify" -> out.add(new Event.DeviceSelectionRequired(VENDOR, null, devices(arg(args, 0))));
            case "onIdentifier" -> {
                // Not in the CONTRACT, but the agent should see which phone identifier UCS is pairing with:
                // it explains a pairing to the wrong phone. A notice keeps it visible, never silently dropped.
                String id = Payloads.scalar(arg(args, 0));
                out.add(id == null ? keyed(NoticeLevel.INFO, "ucs.identifierCleared") : keyed(NoticeLevel.INFO, "ucs.identifier", id));
            }
            case "onDevice" -> out.add(new Event.DevicePaired(VENDOR, null, device(object(args, 0, "device"), null)));
            case "onReady" -> ready(object(args, 0, "state"), out);
            case "onStateChange" -> out.add(stateChange(args));
            case "onCallNew", "onCallRinging", "onCallConnect", "onCallHold", "onCallResume", "onCallMute", "onCallUnmute" ->
                    out.add(callEvent(name, call(args)));
            case "onCallHangup" -> hangup(call(args), out);
            // Suspending a queue changes which calls reach the agent (and a supervisor or the CRM can do it
            // too), so the agent is told, rather than the event hiding in the inspector as vendor.unmapped.
            case "onAgentSuspend" -> out.add(keyed(NoticeLevel.INFO, "ucs.queueSuspended", queueId(args)));
            case "onAgentResume" -> out.add(keyed(NoticeLevel.INFO, "ucs.queueResumed", queueId(args)));
            case "onWaitingCallersChange" -> out.add(new Event.QueueWaiting(VENDOR, null, count(arg(args, 0))));
            default -> out.add(new Event.VendorUnmapped(VENDOR, null, name));
        }
        return out;
    }
}
