package dev.unibar.connectors.evolux.sim;

import dev.unibar.simkit.Params;
import dev.unibar.simkit.ScenarioBook;

import java.util.LinkedHashMap;
import java.util.Map;

/** The scripted things that happen on the simulated Evolux; each posts what the real phone would. */
final class Scenarios {

    /** The list alone, for the menu and {@code GET /control/scenarios}. */
    static final ScenarioBook LIST = new Scenarios(null).book;

    private final EvoluxSimulator sim;
    private final ScenarioBook book;
    private SimCall call;
    private Map<String, Object> pause;
    private boolean loggedIn;

    Scenarios(EvoluxSimulator sim) {
        this.sim = sim;
        String callParams = "number, name, queue, queueNumber, cpf, answer, answerAfterMs, variant";
        this.book = new ScenarioBook()
                .add("login", "agentLogin (extension as a string, email null, as in the seed)", (p, out) -> {
                    loggedIn = true;
                    post("agentLogin", login(variant(p)));
                }, "variant", "seed | strings | newer | older")
                .add("queue-call", "queue call: invited, accepted after answerAfterMs unless answer=false; params " + callParams,
                        (p, out) -> offer(queueCall(p, variant(p)), p, 1500), "number", "caller (84999010101)", "name",
                        "caller name (Cliente)", "queue", "queue slug (suporte)", "queueNumber", "4000", "cpf", "customer CPF",
                        "answer", "the agent answers (true)", "answerAfterMs", "1500", "variant", "seed | strings | newer | older")
                .add("campaign-call", "dialer call: subscriber name/number/externalId, campaign id/slug; params as queue-call"
                        + " plus campaignId, campaignSlug, subscriberName, externalId",
                        (p, out) -> offer(campaignCall(p, variant(p)), p, 800), "number", "subscriber number", "campaignName",
                        "campaign name", "campaignId", "1", "campaignSlug", "slug", "subscriberName", "Maria", "externalId",
                        "000120", "answer", "true", "answerAfterMs", "800", "variant", "seed | strings | newer | older")
                .add("missed-call", "invited, then ended unanswered after ringMs (ORIGINATOR CANCEL)",
                        (p, out) -> missed(queueCall(p, variant(p)), p.num("ringMs", 2000)), "ringMs", "2000")
                .add("answer", "the agent accepts the ringing call in the panel", (p, out) -> answer(requireCall()))
                .add("hangup", "the current call ends; param cause (NORMAL CLEARING)",
                        (p, out) -> end(requireCall(), p.str("cause", "NORMAL CLEARING")), "cause", "NORMAL CLEARING")
                .add("pause", "agentStartPause; params reason, productive, maxDuration (seconds, or as given)",
                        (p, out) -> startPause("agentStartPause", p), "reason", "Lanche", "productive", "false",
                        "maxDuration", "passed through as given")
                .add("change-pause", "agentChangePause; same params", (p, out) -> startPause("agentChangePause", p),
                        "reason", "Lanche", "productive", "false", "maxDuration", "passed through as given")
                .add("stop-pause", "agentStopPause", (p, out) -> stopPause(variant(p)))
                .add("refuse-call", "the API refuses the next click-to-call in its meta shape: answer not-logged-in (400 "
                        + "'Agent <from> is not logged in.') or invalid-token (401 'Invalid token.'); wording assumed",
                        (p, out) -> sim.refuseNextCall(p.str("answer", "not-logged-in")), "answer",
                        "not-logged-in | invalid-token")
                .add("unknown", "an event name Unibar does not know; param name",
                        (p, out) -> post(p.str("name", "softphoneCallHeld"), Map.of("id", call == null ? "none" : call.id)),
                        "name", "softphoneCallHeld");
    }

    private static Variant variant(Params p) {
        return Variant.parse(p.raw("variant"));
    }

    synchronized void reset() {
        call = null;
        pause = null;
        loggedIn = false;
    }

    synchronized SimState state() {
        SimCall c = call;
        return new SimState(c == null ? null : c.id, c != null && c.answered,
                pause == null ? null : String.valueOf(pause.get("reason")));
    }

    /**
     * A phone page opened: as the agent would, it logs in unless someone already did (assumed flow). A call the
     * platform still holds was the previous phone's: a WebRTC softphone's leg goes with its page, so the platform
     * ends it (assumed; the cause text is guessed in the seed's spacing). The new phone hears of that end, since
     * it polls from before it.
     */
    synchronized void phoneOpened() {
        phoneGone();
        if (!loggedIn) run("login", Map.of());
    }

    /** The phone that held the call is gone: so is its leg of the call. */
    synchronized void phoneGone() {
        if (call != null) end(call, "MEDIA TIMEOUT");
    }

    synchronized Map<String, Object> run(String name, Map<String, Object> p) {
        Map<String, Object> out = book.run(name, p);
        if (call != null) out.put("callId", call.id);
        return out;
    }

    /** A click-to-call the API accepted: the platform rings the agent's softphone first (S3, S4). */
    synchronized void clickToCall(String to) {
        SimAgent a = sim.agent();
        SimCall c = new SimCall("outbound", SimCall.party(a.name(), String.valueOf(a.extension())),
                SimCall.party(to, to), Variant.SEED, sim.clock.instant());
        offer(c, Params.none(), 1000);
    }

    private Map<String, Object> login(Variant v) {
        SimAgent a = sim.agent();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agentId", v == Variant.STRINGS ? String.valueOf(a.id()) : a.id());
        m.put("agent", SimTimes.agent(a, v, true));
        return m;
    }

    private SimCall queueCall(Params p, Variant v) {
        SimAgent a = sim.agent();
        String slug = p.str("queue", "suporte");
        String number = p.str("queueNumber", "4000");
        SimCall c = new SimCall("inbound", SimCall.party(p.str("name", "Cliente"), p.str("number", "84999010101")),
                SimCall.party(String.valueOf(a.extension()), java.util.UUID.randomUUID().toString()), v,
                sim.clock.instant());
        if (v != Variant.OLDER) {
            c.extra.put("evolux_cc_member_session_uuid", c.uuid);
            c.extra.put("evolux_cc_queue_number", number);
            c.extra.put("evolux_cc_queue_slug", slug);
        }
        if (p.has("cpf")) c.extra.put("cpf", p.str("cpf", ""));
        c.queue = new LinkedHashMap<>(Map.of("slug", slug, "number", number));
        return c;
    }

    private SimCall campaignCall(Params p, Variant v) {
        String campaignName = p.str("campaignName", "Campanha de Cobrança Anual");
        String number = p.str("number", "84988887777");
        String name = p.str("subscriberName", "Maria");
        String ext = p.str("externalId", "000120");
        String id = p.str("campaignId", "1");
        String slug = p.str("campaignSlug", "campanha_de_cobranca_anual");
        SimCall c = new SimCall("inbound", SimCall.party(campaignName, number), SimCall.party(campaignName, number), v,
                sim.clock.instant());
        c.answer = c.start.plusMillis(1200); // a dialer call is answered by the subscriber before the agent sees it
        c.extra.put("campaign_id", id);
        c.extra.put("evolux_cc_agent", sim.agent().login());
        c.extra.put("subscriber_id", "1");
        c.extra.put("subscriber_number", number);
        c.extra.put("subscriber_name", name);
        c.extra.put("campaign_slug", slug);
        c.extra.put("dialer_subscriber_origination_uuid", c.uuid);
        c.extra.put("subscriber_external_id", ext);
        c.campaign = new LinkedHashMap<>(Map.of("id", id, "slug", slug));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", number);
        s.put("name", name);
        s.put("externalId", ext);
        c.subscriber = s;
        return c;
    }

    private void offer(SimCall c, Params p, long defaultAnswerMs) {
        call = c;
        post("softphoneCallInvited", c.payload(sim.agent()));
        if (p.bool("answer", true)) {
            sim.later(p.num("answerAfterMs", defaultAnswerMs), () -> {
                synchronized (this) {
                    if (call == c && c.end == null) answer(c);
                }
            });
        }
    }

    private void missed(SimCall c, long ringMs) {
        call = c;
        post("softphoneCallInvited", c.payload(sim.agent()));
        sim.later(ringMs, () -> {
            synchronized (this) {
                if (call == c && c.end == null) end(c, "ORIGINATOR CANCEL");
            }
        });
    }

    private void answer(SimCall c) {
        if (c.end != null) throw new IllegalStateException("the call already ended");
        // A dialer call keeps the subscriber's answer time; the seed shows it set at invitation already.
        if (c.answer == null) c.answer = sim.clock.instant();
        c.answered = true;
        post("softphoneCallAccepted", c.payload(sim.agent()));
    }

    private void end(SimCall c, String cause) {
        c.end = sim.clock.instant();
        c.hangupCause = cause;
        post("softphoneCallEnded", c.payload(sim.agent()));
        call = null;
    }

    private SimCall requireCall() {
        if (call == null) throw new IllegalStateException("no call in progress");
        return call;
    }

    private void startPause(String event, Params p) {
        Variant v = variant(p);
        Map<String, Object> ps = new LinkedHashMap<>();
        ps.put("reason", p.str("reason", "Lanche"));
        ps.put("productive", p.bool("productive", false));
        ps.put("timeStart", SimTimes.pauseTime(sim.clock.instant()));
        ps.put("timeEnd", null);
        ps.put("maxDuration", p.raw("maxDuration"));
        pause = ps;
        post(event, pausePayload(ps, v));
    }

    private void stopPause(Variant v) {
        if (pause == null) throw new IllegalStateException("the agent is not paused");
        Map<String, Object> ps = new LinkedHashMap<>(pause);
        ps.put("timeEnd", SimTimes.pauseTime(sim.clock.instant()));
        pause = null;
        post("agentStopPause", pausePayload(ps, v));
    }

    private Map<String, Object> pausePayload(Map<String, Object> ps, Variant v) {
        SimAgent a = sim.agent();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agentId", v == Variant.STRINGS ? String.valueOf(a.id()) : a.id());
        m.put("agent", SimTimes.agent(a, v, false));
        m.put("pause", ps);
        return m;
    }

    private void post(String name, Map<String, Object> payload) {
        sim.post(name, payload);
    }
}
