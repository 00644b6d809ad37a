package dev.unibar.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The actions a flow step may name, with the keys each one takes and needs (docs/flows.md lists them). */
final class Actions {

    record Spec(List<String> keys, Set<String> required) {
    }

    static final Map<String, Spec> AGENT = new LinkedHashMap<>();
    static final Map<String, Spec> FAR = new LinkedHashMap<>();

    static {
        AGENT.put("login", spec("user password device deviceType remember", "user password"));
        AGENT.put("sso", spec("user", ""));
        AGENT.put("logout", spec("", ""));
        AGENT.put("selectDevice", spec("device", "device"));
        AGENT.put("provision", spec("", ""));
        AGENT.put("identify", spec("", ""));
        AGENT.put("ready", spec("", ""));
        AGENT.put("pause", spec("reason", ""));
        AGENT.put("wrapUp", spec("", ""));
        AGENT.put("offline", spec("", ""));
        AGENT.put("suspendQueue", spec("queue", "queue"));
        AGENT.put("resumeQueue", spec("queue", "queue"));
        AGENT.put("dial", spec("number queue internal", "number"));
        for (String a : List.of("answer", "reject", "hangup", "hold", "resume", "mute", "unmute", "complete",
                "endConference")) {
            AGENT.put(a, spec("call", ""));
        }
        AGENT.put("consult", spec("to internal call", "to"));
        AGENT.put("blindTransfer", spec("to internal call", "to"));
        AGENT.put("conference", spec("with internal call", ""));
        AGENT.put("accountCode", spec("code subCode override call", "code"));
        // What the bar's other controls send, so that a recording can replay them too.
        for (String a : List.of("cancelConsult", "voicemail", "leaveConference", "cancelConference", "swap",
                "startRecording", "stopRecording", "mask", "unmask")) {
            AGENT.put(a, spec("call", ""));
        }
        AGENT.put("takeQueued", spec("call", ""));
        AGENT.put("pickup", spec("extension", ""));
        AGENT.put("followMe", spec("numbers internal", "numbers"));
        AGENT.put("cancelFollowMe", spec("", ""));
        AGENT.put("removeParticipant", spec("number call", "number"));
        AGENT.put("dtmf", spec("digits call", "digits"));
        AGENT.put("callData", spec("data call", "data"));

        FAR.put("inbound", spec("from name queue data options", "from"));
        FAR.put("campaign", spec("to campaign customer data options", "to"));
        FAR.put("hangup", spec("", ""));
        FAR.put("colleague", spec("outcome", ""));
        FAR.put("nextDial", spec("outcome", ""));
        FAR.put("waiting", spec("count", "count"));
        FAR.put("scenario", spec("name params", "name"));
    }

    private Actions() {
    }

    private static Spec spec(String keys, String required) {
        return new Spec(keys.isBlank() ? List.of() : List.of(keys.split(" ")),
                required.isBlank() ? Set.of() : Set.of(required.split(" ")));
    }
}
