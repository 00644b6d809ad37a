package dev.unibar.connectors.ucs.sim;

import dev.unibar.connectors.ucs.sim.UcsSimState.Phase;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * window.ucsOperator's methods: in which phases seed 002 allows each ("Funkce je možné volat v
 * následujících stavech", plus the methods the seed lists no state for), and what each one runs.
 */
final class UcsMethods {

    static final Map<String, Set<Phase>> ALLOWED;

    static {
        Map<String, Set<Phase>> m = new LinkedHashMap<>();
        Set<Phase> ready = EnumSet.of(Phase.READY);
        m.put("login", EnumSet.of(Phase.CREDENTIALS));
        m.put("sso", EnumSet.of(Phase.CREDENTIALS));
        m.put("logout", EnumSet.of(Phase.IDENTIFY, Phase.DEVICE, Phase.READY));
        m.put("selectIdentifier", EnumSet.of(Phase.IDENTIFY, Phase.DEVICE));
        m.put("provision", EnumSet.of(Phase.IDENTIFY, Phase.DEVICE));
        m.put("identify", EnumSet.of(Phase.DEVICE, Phase.READY));
        for (String s : List.of("changeStatus", "suspend", "resume", "answer", "dial", "hangup", "transfer",
                "hold", "unhold", "state", "selectRingingSound",
                // Not in the seed's list; they act on calls or the phone, which exist only when READY.
                "finishTransfer", "blindTransfer", "mute", "setAccountCode", "testRingingSound", "stopRingingSoundTest")) {
            m.put(s, ready);
        }
        m.put("notify", EnumSet.allOf(Phase.class));
        ALLOWED = Collections.unmodifiableMap(m);
    }

    private UcsMethods() {
    }

    /** Runs an allowed method; false when it was refused (onWarning was pushed). */
    static boolean run(UcsSimState st, String m, List<Object> a) {
        UcsSession session = st.session();
        UcsCalls calls = st.callBook();
        return switch (m) {
            case "login" -> session.login(str(a, 0), str(a, 1));
            case "sso" -> session.sso(str(a, 0), str(a, 1));
            case "logout" -> {
                boolean wasReady = st.phase() == Phase.READY;
                calls.dropAll();
                yield session.logout(wasReady);
            }
            case "selectIdentifier" -> session.selectIdentifier(str(a, 0));
            case "provision" -> session.provision();
            case "identify" -> session.identify();
            case "changeStatus" -> session.changeStatus(str(a, 0), str(a, 1));
            case "suspend" -> st.queues().suspend(arg(a, 0), true, "suspend");
            case "resume" -> st.queues().suspend(arg(a, 0), false, "resume");
            case "answer" -> calls.answer();
            case "dial" -> calls.dial(str(a, 0), arg(a, 1), arg(a, 3));
            case "hangup" -> calls.hangup();
            case "transfer" -> calls.transfer(str(a, 0));
            case "finishTransfer" -> calls.finishTransfer();
            case "blindTransfer" -> calls.blindTransfer(str(a, 0));
            case "hold" -> calls.hold();
            case "unhold" -> calls.unhold();
            case "mute" -> calls.mute();
            case "notify" -> notifyMessage(st, a);
            case "setAccountCode" -> calls.setAccountCode(str(a, 0), str(a, 1), str(a, 2));
            case "selectRingingSound" -> st.selectRingingSound(str(a, 0));
            case "state", "testRingingSound", "stopRingingSoundTest" -> true;
            default -> st.refuse("Unknown method " + m);
        };
    }

    private static boolean notifyMessage(UcsSimState st, List<Object> a) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("message", str(a, 0));
        String type = str(a, 1);
        msg.put("type", type == null ? "info" : type);
        msg.put("group", str(a, 5));
        Object other = arg(a, 6);
        msg.put("data", other instanceof Map ? other : new LinkedHashMap<>());
        st.push("onMessage", msg);
        return true;
    }

    private static Object arg(List<Object> a, int i) {
        return i < a.size() ? a.get(i) : null;
    }

    private static String str(List<Object> a, int i) {
        Object o = arg(a, i);
        return o == null ? null : String.valueOf(o);
    }
}
