package dev.unibar.connectors.agentdesktop.sim;

import java.util.List;

import static dev.unibar.connectors.agentdesktop.sim.AdSimState.arg;

/**
 * The CONTACT functions of the Widget SDK: dial, answer, hang up, hold, after-call work, call data,
 * recording, and the consultation and transfers ({@link AdTransfers}). Runs under the {@link AdSimState}
 * lock; a refusal is its text, null is done.
 */
final class AdCalls {

    private final AdSimState s;
    private final AdTransfers transfers;

    AdCalls(AdSimState s) {
        this.s = s;
        this.transfers = new AdTransfers(s);
    }

    String run(String method, List<Object> args) {
        if (method.equals(s.consultMethod())) return transfers.consult(arg(args, 0), arg(args, 1), arg(args, 3));
        return switch (method) {
            case "MakeCall" -> makeCall(arg(args, 0), arg(args, 4));
            case "Answer" -> answer(arg(args, 0));
            case "Hangup", "HangupByContactID" -> hangup(arg(args, 0), method.equals("HangupByContactID"));
            case "Hold" -> hold(arg(args, 0));
            case "Transfer_Direct" -> transfers.direct(arg(args, 0), arg(args, 1));
            case "Transfer_Complete" -> transfers.complete(args, false);
            case "Transfer_Complete_Conference" -> transfers.complete(args, true);
            case "OfflineEnd" -> offlineEnd(arg(args, 0));
            case "SetCallData" -> setCallData(arg(args, 0), arg(args, 1));
            case "OfflineEnable" -> known(arg(args, 0));
            case "StartRecording", "StopRecording" -> recording(arg(args, 0));
            default -> "no such CONTACT method";
        };
    }

    private String makeCall(String number, String callData) {
        if (number.isEmpty()) return "destination number missing";
        AdContact c = s.outbound(number);
        c.putCallData(callData);
        s.add(c);
        s.send(c, "CONNECTIONSTARTED");
        String refused = s.takeDialRefusal();
        if (refused != null) {
            // Accepted by the SDK (it only posts), refused by AgentDesktop: the line is released at once with the
            // reason, and a call that never connected has no after-call work (assumed, docs/vendors/agentdesktop.md).
            s.clearUntaken(c, refused);
            return null;
        }
        s.send(c, "DIALING");
        s.remoteAnswers(c);
        return null;
    }

    private String answer(String id) {
        AdContact c = id.isEmpty() ? s.latestWhere(x -> x.online && "inbound".equals(x.type)) : s.contact(id);
        if (c == null || !c.online) return "no contact to answer";
        s.send(c, "ESTABLISHED");
        return null;
    }

    private String hangup(String id, boolean idRequired) {
        if (idRequired && id.isEmpty()) return "contact id missing";
        AdContact c = id.isEmpty() ? s.current() : s.contact(id);
        if (c == null || !c.online) return "no such online contact";
        s.clear(c, "");
        return null;
    }

    private String hold(String id) {
        AdContact c = id.isEmpty() ? s.current() : s.contact(id);
        if (c == null || !c.online || !c.telephony()) return "no call to hold";
        c.held = !c.held;
        // No "retrieved" event is documented: the simulator reports a retrieved call as ESTABLISHED (assumed).
        s.send(c, c.held ? "HELD" : "ESTABLISHED");
        return null;
    }

    private String offlineEnd(String id) {
        AdContact c = s.contact(id);
        if (c == null || !"offline".equals(c.jobState)) return "contact not in after-call work";
        c.jobState = "finished";
        s.send(c, "JOBFINISHED");
        s.drop(c);
        return null;
    }

    private String setCallData(String id, String data) {
        AdContact c = s.contact(id);
        if (c == null) return "no such contact";
        if (!data.contains("=")) return "call data must be key=value";
        c.putCallData(data);
        s.send(c, "DATACHANGED");
        return null;
    }

    /** Recording acts on a call; no recording event is documented, so none is sent (assumed). */
    private String recording(String id) {
        AdContact c = s.contact(id);
        if (c == null || !c.online) return "no such online contact";
        return c.telephony() ? null : "not a telephony contact";
    }

    private String known(String id) {
        return s.contact(id) != null ? null : "no such contact";
    }
}
