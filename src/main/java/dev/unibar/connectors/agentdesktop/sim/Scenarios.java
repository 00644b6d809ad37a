package dev.unibar.connectors.agentdesktop.sim;

import dev.unibar.simkit.ScenarioBook;

import java.util.List;
import java.util.function.Consumer;

/**
 * The seed's sequences, played with the seed's own contact ids and numbers. Each one first makes
 * the contact appear (POPUP, RINGING, ESTABLISHED: assumed, the seed starts mid-call), then drives
 * the same behaviour a widget's calls drive, without recording them as widget calls. The inbound
 * call is the exception: it rings and waits for the agent, as the page's own button does.
 */
final class Scenarios {

    private static final String B = "13b-5d9daab7@B2BUAGW1.enghouse.com";
    private static final String F = "13f-5d9daab7@B2BUAGW1.enghouse.com";
    private static final String LEG = "3f-5e5fbc28@B2BUAEP.enghouse.com";

    private Scenarios() {
    }

    static ScenarioBook book(AdSimState s) {
        return new ScenarioBook()
                .add("inbound-call", "a CTI-routed call is offered (POPUP, RINGING) and rings until the agent answers",
                        (p, out) -> out.put("id", s.inbound("3393669393", "225727273", "QUEUE25", null)))
                .add("manual-call", "the agent dials 0612345678 with call data, hangs up, ends after-call work", (p, out) -> {
                    s.presetLeg("41-5e5fbc28@B2BUAEP.enghouse.com", "0d3c5f7e-6a11-4b0e-9a57-3f1f2f0c8e21");
                    call(s, "MakeCall", "0612345678", "", "", "", "ECID=ECID-000123;CUSTOMERID=12345");
                    call(s, "Hangup", "41-5e5fbc28@B2BUAEP.enghouse.com");
                    call(s, "OfflineEnd", "41-5e5fbc28@B2BUAEP.enghouse.com");
                })
                .add("blind-transfer", "seed: call 13b transferred without consultation, then after-call work ends", (p, out) -> {
                    talking(s, B, "f7875bc8-0db9-429f-bc7b-02013f72298d", "3393669393");
                    call(s, "Transfer_Direct", B, "225727274", "", "");
                    call(s, "OfflineEnd", B);
                })
                .add("consult-transfer", "seed: call 13f held, consultation leg 3f, Transfer_Complete",
                        (p, out) -> consultation(s, "Transfer_Complete"))
                .add("consult-conference", "seed's consultation, completed with Transfer_Complete_Conference (assumed tail)",
                        (p, out) -> consultation(s, "Transfer_Complete_Conference"))
                .add("consult-cancel", "seed's consultation, cancelled by hanging up leg 3f, call 13f retrieved (assumed tail)",
                        (p, out) -> {
                            consultation(s, null);
                            call(s, "Hangup", LEG);
                            call(s, "Hold", F);
                        })
                .add("after-call-work", "call 13c answered, hung up, JOBCHANGED offline, OfflineEnd, JOBFINISHED", (p, out) -> {
                    String id = "13c-5d9daab7@B2BUAGW1.enghouse.com";
                    talking(s, id, "5b0a8a42-23a8-4f0c-8d5e-0b7a3c1e9f11", "3393669393");
                    call(s, "Hangup", id);
                    call(s, "OfflineEnd", id);
                })
                .add("chat-contact", "a chat (media_type chat) arrives, the customer leaves, after-call work ends (assumed shapes)",
                        (p, out) -> {
                            String id = "150-chat@B2BUAGW1.enghouse.com";
                            s.chat("mario.rossi@example.it", id, "3c1d0e52-7a4b-4d2f-9a0e-6f2b8c9d1e40",
                                    "8f14e45f-ceea-467f-a0e6-2b5c1e7d9a31");
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
    static void play(AdSimState s, String name) {
        synchronized (s) {
            Consumer<Runnable> later = s.answerLater();
            s.answerLater(null);
            try {
                book(s).run(name, null);
            } finally {
                s.answerLater(later);
            }
        }
    }

    /** The seed's consultation on call 13f; {@code completion} ends it (null: the caller does). */
    private static void consultation(AdSimState s, String completion) {
        talking(s, F, "baabb838-ff32-4c15-afa9-78b4a7d01b59", "customer");
        s.presetLeg(LEG, "dd124824-5079-41f6-b5bc-46ae3b8362a6");
        call(s, s.consultMethod(), F, "consultation", "", "");
        if (completion != null) call(s, completion, F);
    }

    private static void talking(AdSimState s, String id, String uuid, String ani) {
        s.inbound(ani, "225727273", "QUEUE25", id, uuid);
        call(s, "Answer", id);
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
