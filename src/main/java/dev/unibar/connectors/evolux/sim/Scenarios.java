package dev.unibar.connectors.evolux.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scripted things that happen on the simulated Evolux; each posts what the real phone would. */
final class Scenarios {

    static final List<Map<String, String>> DESCRIPTIONS = List.of(
            d("login", "agentLogin (extension as a string, email null, as in the seed)"),
            d("queue-call", "queue call: invited, accepted after answerAfterMs unless answer=false; params number, name, queue, queueNumber, cpf, answer, answerAfterMs, variant"),
            d("campaign-call", "dialer call: subscriber name/number/externalId, campaign id/slug; params as queue-call plus campaignId, campaignSlug, subscriberName, externalId"),
            d("missed-call", "invited, then ended unanswered after ringMs (ORIGINATOR CANCEL)"),
            d("answer", "the agent accepts the ringing call in the panel"),
            d("hangup", "the current call ends; param cause (NORMAL CLEARING)"),
            d("pause", "agentStartPause; params reason, productive, maxDuration (seconds, or as given)"),
            d("change-pause", "agentChangePause; same params"),
            d("stop-pause", "agentStopPause"),
            d("unknown", "an event name Unibar does not know; param name"));

    private final EvoluxSimulator sim;
    private SimCall call;
    private Map<String, Object> pause;
    private boolean loggedIn;

    Scenarios(EvoluxSimulator sim) {
        this.sim = sim;
    }

    private static Map<String, String> d(String name, String description) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        return m;
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

    /** A phone page opened: as the agent would, it logs in unless someone already did (assumed flow). */
    synchronized void phoneOpened() {
        if (!loggedIn) run("login", Map.of());
    }

    synchronized Map<String, Object> run(String name, Map<String, Object> p) {
        Variant v = Variant.parse(p.get("variant"));
        switch (name) {
            case "login" -> {
                loggedIn = true;
                post("agentLogin", login(v));
            }
            case "queue-call" -> offer(queueCall(p, v), p, 1500);
            case "campaign-call" -> offer(campaignCall(p, v), p, 800);
            case "missed-call" -> missed(queueCall(p, v), longParam(p, "ringMs", 2000));
            case "answer" -> answer(requireCall());
            case "hangup" -> end(requireCall(), str(p, "cause", "NORMAL CLEARING"));
            case "pause" -> startPause("agentStartPause", p, v);
            case "change-pause" -> startPause("agentChangePause", p, v);
            case "stop-pause" -> stopPause(v);
            case "unknown" -> post(str(p, "name", "softphoneCallHeld"), Map.of("id", call == null ? "none" : call.id));
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("scenario", name);
        if (call != null) out.put("callId", call.id);
        return out;
    }

    /** A click-to-call the API accepted: the platform rings the agent's softphone first (S3, S4). */
    synchronized void clickToCall(String to) {
        SimAgent a = sim.agent();
        SimCall c = new SimCall("outbound", SimCall.party(a.name(), String.valueOf(a.extension())),
                SimCall.party(to, to), Variant.SEED, sim.clock.instant());
        offer(c, Map.of(), 1000);
    }

    private Map<String, Object> login(Variant v) {
        SimAgent a = sim.agent();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agentId", v == Variant.STRINGS ? String.valueOf(a.id()) : a.id());
        m.put("agent", SimTimes.agent(a, v, true));
        return m;
    }

    private SimCall queueCall(Map<String, Object> p, Variant v) {
        SimAgent a = sim.agent();
        String slug = str(p, "queue", "suporte");
        String number = str(p, "queueNumber", "4000");
        SimCall c = new SimCall("inbound", SimCall.party(str(p, "name", "Cliente"), str(p, "number", "84999010101")),
                SimCall.party(String.valueOf(a.extension()), java.util.UUID.randomUUID().toString()), v,
                sim.clock.instant());
        if (v != Variant.OLDER) {
            c.extra.put("evolux_cc_member_session_uuid", c.uuid);
            c.extra.put("evolux_cc_queue_number", number);
            c.extra.put("evolux_cc_queue_slug", slug);
        }
        if (p.containsKey("cpf")) c.extra.put("cpf", String.valueOf(p.get("cpf")));
        c.queue = new LinkedHashMap<>(Map.of("slug", slug, "number", number));
        return c;
    }

    private SimCall campaignCall(Map<String, Object> p, Variant v) {
        String campaignName = str(p, "campaignName", "Campanha de Cobrança Anual");
        String number = str(p, "number", "84988887777");
        String name = str(p, "subscriberName", "Maria");
        String ext = str(p, "externalId", "000120");
        String id = str(p, "campaignId", "1");
        String slug = str(p, "campaignSlug", "campanha_de_cobranca_anual");
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

    private void offer(SimCall c, Map<String, Object> p, long defaultAnswerMs) {
        call = c;
        post("softphoneCallInvited", c.payload(sim.agent()));
        if (bool(p, "answer", true)) {
            sim.later(longParam(p, "answerAfterMs", defaultAnswerMs), () -> {
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

    private void startPause(String event, Map<String, Object> p, Variant v) {
        Map<String, Object> ps = new LinkedHashMap<>();
        ps.put("reason", str(p, "reason", "Lanche"));
        ps.put("productive", bool(p, "productive", false));
        ps.put("timeStart", SimTimes.pauseTime(sim.clock.instant()));
        ps.put("timeEnd", null);
        ps.put("maxDuration", p.get("maxDuration"));
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

    private static String str(Map<String, Object> p, String k, String def) {
        Object o = p.get(k);
        return o == null ? def : String.valueOf(o);
    }

    private static boolean bool(Map<String, Object> p, String k, boolean def) {
        Object o = p.get(k);
        return o == null ? def : Boolean.parseBoolean(String.valueOf(o));
    }

    private static long longParam(Map<String, Object> p, String k, long def) {
        Object o = p.get(k);
        if (o == null) return def;
        try {
            return Long.parseLong(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k + " must be a number of milliseconds");
        }
    }
}

