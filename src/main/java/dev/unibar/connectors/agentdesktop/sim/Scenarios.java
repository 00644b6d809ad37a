package dev.unibar.connectors.agentdesktop.sim;

import dev.unibar.simkit.Params;
import dev.unibar.simkit.ScenarioBook;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The seed's sequences, played with the seed's numbers. Each contact gets an id of its own, in the seed's form
 * ({@link AdSimState#inbound}): replaying the seed's ids would make two calls one. Each one first makes the contact
 * appear (POPUP, RINGING, ESTABLISHED: assumed, the seed starts mid-call), then drives the same behaviour a widget's
 * calls drive, without recording them as widget calls. The inbound calls are the exception: they ring and wait for
 * the agent, as the page's own button does (or for the caller to give up).
 */
final class Scenarios {

    private Scenarios() {
    }

    static ScenarioBook book(AdSimState s) {
        return new ScenarioBook()
                .add("inbound-call", "a CTI-routed call is offered (POPUP, RINGING) and rings until the agent answers",
                        (p, out) -> out.put("id", inbound(s, p, 0)), "number", "the caller (default 3393669393)",
                        "autoHangupAfterMs", "the caller gives up after this many ms if unanswered (0 = never)")
                .add("missed-call", "a call rings and the caller gives up before the agent answers (CONNECTIONCLEARED, "
                                + "JOBFINISHED: assumed)", (p, out) -> out.put("id", inbound(s, p, 3000)),
                        "number", "the caller (default 3393669393)", "autoHangupAfterMs", "how long it rings (default 3000)")
                .add("dial-refused", "AgentDesktop refuses the agent's next manual call (CONNECTIONSTARTED, CONNECTIONCLEARED "
                                + "with the reason, JOBFINISHED: assumed)", (p, out) -> s.refuseNextDial(p.str("reason", "rejected")),
                        "reason", "CONNECTIONCLEARED's reason (default rejected; busy, no_answer)")
                .add("end-after-call-work", "the agent closes the script in AgentDesktop's own page: every contact in "
                        + "after-call work ends (JOBFINISHED, seed)", (p, out) -> {
                    List<String> offline = s.inAfterCallWork();
                    if (offline.isEmpty()) throw new IllegalStateException("no contact in after-call work");
                    for (String id : offline) call(s, "OfflineEnd", id);
                })
                .add("manual-call", "the agent dials 0612345678 with call data, hangs up, ends after-call work", (p, out) -> {
                    call(s, "MakeCall", "0612345678", "", "", "", "ECID=ECID-000123;CUSTOMERID=12345");
                    AdContact leg = s.latestWhere(c -> "0612345678".equals(c.dnis) && c.online);
                    if (leg == null) throw new IllegalStateException("AgentDesktop refused the call");
                    call(s, "Hangup", leg.id);
                    call(s, "OfflineEnd", leg.id);
                })
                .add("blind-transfer", "seed: a call transferred without consultation, then after-call work ends", (p, out) -> {
                    String id = talking(s, "3393669393");
                    call(s, "Transfer_Direct", id, "225727274", "", "");
                    call(s, "OfflineEnd", id);
                })
                .add("consult-transfer", "seed: a call held, a consultation leg, Transfer_Complete",
                        (p, out) -> consultation(s, "Transfer_Complete"))
                .add("consult-conference", "seed's consultation, completed with Transfer_Complete_Conference (assumed tail)",
                        (p, out) -> consultation(s, "Transfer_Complete_Conference"))
                .add("consult-cancel", "seed's consultation, cancelled by hanging up its leg, the call retrieved (assumed tail)",
                        (p, out) -> {
                            String main = consultation(s, null);
                            call(s, "Hangup", s.latestWhere(c -> main.equals(c.consultFor)).id);
                            call(s, "Hold", main);
                        })
                .add("after-call-work", "a call answered, hung up, JOBCHANGED offline, OfflineEnd, JOBFINISHED", (p, out) -> {
                    String id = talking(s, "3393669393");
                    call(s, "Hangup", id);
                    call(s, "OfflineEnd", id);
                })
                .add("chat-contact", "a chat (media_type chat) arrives, the customer leaves, after-call work ends (assumed shapes)",
                        (p, out) -> {
                            String id = s.chat("mario.rossi@example.it");
                            if (!s.remoteHangup(id)) throw new IllegalStateException("chat not online");
                            call(s, "OfflineEnd", id);
                        })
                .add("agent-login", "AGENT:LOGGEDIN", (p, out) -> agent(s, "Login"))
                .add("agent-pause", "AGENT:LOGGEDIN, AGENT:PAUSE, back, then a pause with code BREAK", (p, out) -> {
                    agent(s, "Login");
                    agent(s, "Pause");
                    agent(s, "Login");
                    agent(s, "PauseSubState", "BREAK");
                })
                .add("agent-logout", "AGENT:PAUSE then AGENT:LOGGEDOUT", (p, out) -> {
                    agent(s, "Pause");
                    agent(s, "Logout");
                });
    }

    /** Plays {@code name} at once: the far end of a scripted call answers without the simulator's delay. */
    static void play(AdSimState s, String name, Map<String, ?> params) {
        synchronized (s) {
            Consumer<Runnable> later = s.answerLater();
            s.answerLater(null);
            try {
                book(s).run(name, params);
            } finally {
                s.answerLater(later);
            }
        }
    }

    private static String inbound(AdSimState s, Params p, long giveUpAfterMs) {
        String number = p.str("number", "3393669393").trim();
        if (number.isEmpty()) throw new IllegalArgumentException("number is empty");
        return s.inbound(number, "225727273", "QUEUE25", p.num("autoHangupAfterMs", giveUpAfterMs));
    }

    /** The seed's consultation on a call from "customer"; {@code completion} ends it (null: the caller does). */
    private static String consultation(AdSimState s, String completion) {
        String main = talking(s, "customer");
        call(s, s.consultMethod(), main, "consultation", "", "");
        if (completion != null) call(s, completion, main);
        return main;
    }

    private static String talking(AdSimState s, String ani) {
        String id = s.inbound(ani, "225727273", "QUEUE25", 0);
        call(s, "Answer", id);
        return id;
    }

    private static void call(AdSimState s, String method, String... args) {
        String refusal = s.script("CONTACT", method, List.of((Object[]) args));
        if (refusal != null) throw new IllegalStateException(method + " refused: " + refusal);
    }

    private static void agent(AdSimState s, String method, String... args) {
        String refusal = s.script("AGENT", method, List.of((Object[]) args));
        if (refusal != null) throw new IllegalStateException(method + " refused: " + refusal);
    }
}
