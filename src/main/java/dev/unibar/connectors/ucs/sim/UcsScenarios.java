package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.Params;
import dev.unibar.simkit.ScenarioBook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a supervisor, a test or the bar's Simulator menu can make UCS do: calls offered to the latest
 * page's agent, how the far end of the next dial behaves, errors, queue changes, timings. Scenarios that
 * act on the agent's session need a connected page (IllegalStateException, HTTP 409 otherwise).
 */
final class UcsScenarios {

    /** What the menu's items (which give no parameters) change the reasons and phones to. */
    private static final List<String> MENU_REASONS = List.of("Oběd", "Přestávka", "Školení", "Porada", "Administrativa");
    private static final List<UcsSimSettings.SimDevice> MENU_DEVICES = List.of(
            new UcsSimSettings.SimDevice(1, "201", "Linka 201 (Yealink T46)", "201"),
            new UcsSimSettings.SimDevice(2, "202", "Linka 202 (Yealink T46)", "202"),
            new UcsSimSettings.SimDevice(3, "softphone-201", "Softphone 201", "201"),
            new UcsSimSettings.SimDevice(4, "softphone-202", "Softphone 202", "202"));

    private UcsScenarios() {
    }

    /** {@code state} gives the latest page's session (or null); {@code settings} what every session shares. */
    static ScenarioBook book(Supplier<UcsSimState> state, UcsSimSettings settings) {
        Supplier<UcsSimState> page = () -> {
            UcsSimState s = state.get();
            if (s == null) throw new IllegalStateException("no page is connected to the UCS simulator");
            return s;
        };
        return new ScenarioBook()
                .add("inbound", "An inbound call rings on the READY agent's phone (onCallRinging INCOMING) and waits for answer.",
                        (p, out) -> {
                            SimCall c = page.get().offerInbound(p.str("number", null), p.str("name", null), p.raw("queue"),
                                    p.map("data"), p.num("autoHangupAfterMs", 0));
                            out.put("uniqueid", c.uniqueid());
                            out.put("id", c.id());
                        }, "number", "caller number (default 777123456)", "name", "caller name from the CRM lookup",
                        "queue", "queue id or name (called_name/called_number)", "data", "object: call metadata",
                        "autoHangupAfterMs", "the caller hangs up after this many ms (0 = never)")
                .add("outbound", "How the agent's next dial behaves.", (p, out) -> settings.armNextDial(behavior(p)),
                        "behavior", "answer | busy | noanswer (default answer)")
                .add("busy", "The next dialled number is busy (onCallHangup cause 1).", (p, out) -> settings.armNextDial("busy"))
                .add("remote-hangup", "The other party hangs up the current call (cause 3 on inbound, 4 on outbound).",
                        (p, out) -> out.put("uniqueid", page.get().remoteHangup().uniqueid()))
                .add("waiting-callers", "Callers waiting in the agent's queues (onWaitingCallersChange).",
                        (p, out) -> page.get().waitingCallers((int) p.num("count", 0)), "count", "number of waiting callers")
                .add("login-error", "The next login or sso fails with onLoginError(code, message).",
                        (p, out) -> settings.armLoginError(new UcsSimSettings.LoginError((int) p.num("code", 401),
                                p.str("message", "Invalid credentials"))),
                        "code", "default 401", "message", "default Invalid credentials")
                .add("acw", "After the next hangup of a talked call the agent goes to ACW, then READY.", (p, out) -> {
                    long ms = p.num("ms", settings.delays().acwMs());
                    if (p.bool("always", false)) settings.acwAfterEveryCall(ms);
                    else settings.armAcw(ms);
                }, "ms", "ACW length (default delays.acwMs)", "always", "true: after every call until reset")
                .add("aux-reasons", "Replaces the AUX reasons (without reasons: the demo's four and Administrativa).",
                        (p, out) -> settings.auxReasons(p.has("reasons") ? strings(p, "reasons") : MENU_REASONS),
                        "reasons", "array of strings")
                .add("devices", "Replaces the phones offered in onIdentify (without devices: the demo's three and a"
                        + " softphone for 202).", (p, out) -> settings.devices(p.has("devices") ? devices(p) : MENU_DEVICES),
                        "devices", "array of {identifier, name, number?, id?}")
                .add("consult-answer", "How consultation (transfer) targets behave.",
                        (p, out) -> settings.consultBehavior(behavior(p)), "behavior", "answer | busy | noanswer (default answer)")
                .add("error", "Pushes onError(message).", (p, out) -> page.get().pushError(p.str("message", "Simulated UCS error")),
                        "message", "text")
                .add("warning", "Pushes onWarning(message).",
                        (p, out) -> page.get().pushWarning(p.str("message", "Simulated UCS warning")), "message", "text")
                .add("queue-suspend", "UCS suspends (or resumes) the agent in a queue: onAgentSuspend/onAgentResume.",
                        (p, out) -> page.get().queueSuspend((int) p.num("queue", 1), !p.bool("resume", false)),
                        "queue", "queue id", "resume", "true to resume instead")
                .add("delays", "Changes timings (ms); absent keys keep their value.", (p, out) -> {
                    settings.delays(delays(p, settings.delays()));
                    out.put("delays", settings.delays());
                }, "outboundRingMs", "", "noAnswerMs", "", "consultRingMs", "", "acwMs", "", "demoIntervalMs", "",
                        "preset", "fast | realistic");
    }

    private static String behavior(Params p) {
        String b = p.str("behavior", p.str("outcome", "answer"));
        if (!List.of("answer", "busy", "noanswer").contains(b)) {
            throw new IllegalArgumentException("behavior must be answer, busy or noanswer, not " + b);
        }
        return b;
    }

    private static UcsSimSettings.Delays delays(Params p, UcsSimSettings.Delays now) {
        String preset = p.str("preset", "");
        UcsSimSettings.Delays d = preset.equals("fast") ? UcsSimSettings.Delays.fast()
                : preset.equals("realistic") ? UcsSimSettings.Delays.realistic() : now;
        return new UcsSimSettings.Delays(p.num("outboundRingMs", d.outboundRingMs()), p.num("noAnswerMs", d.noAnswerMs()),
                p.num("consultRingMs", d.consultRingMs()), p.num("acwMs", d.acwMs()), p.num("demoIntervalMs", d.demoIntervalMs()));
    }

    private static List<String> strings(Params p, String key) {
        List<String> out = new ArrayList<>();
        try {
            for (Object x : p.list(key)) out.add(String.valueOf(x));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be an array of strings");
        }
        return out;
    }

    private static List<UcsSimSettings.SimDevice> devices(Params p) {
        List<UcsSimSettings.SimDevice> out = new ArrayList<>();
        int n = 0;
        for (Object x : p.list("devices")) {
            n++;
            if (!(x instanceof Map<?, ?> m) || m.get("identifier") == null) {
                throw new IllegalArgumentException("each device needs an identifier");
            }
            String ident = String.valueOf(m.get("identifier"));
            Object id = m.get("id");
            out.add(new UcsSimSettings.SimDevice(id instanceof Number num ? num.intValue() : n, ident,
                    m.get("name") == null ? ident : String.valueOf(m.get("name")),
                    m.get("number") == null ? ident : String.valueOf(m.get("number"))));
        }
        return out;
    }
}
