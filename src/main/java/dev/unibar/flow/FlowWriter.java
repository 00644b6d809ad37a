package dev.unibar.flow;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a flow of a recording (decision 0039). Each command the bar sent becomes an agent step, each step a
 * flow run played on the simulator stays as it was written, and the events that came after a step become its
 * expectations. Where the far end acted by itself (a customer called, hung up, callers queued) a far-end step is
 * made from the events; how a consultation or a dialled number went is set before the agent's step. What no
 * flow step can replay is written as a comment.
 */
public final class FlowWriter {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A step in the making. */
    private static final class Draft {
        final Step.Kind kind;
        final String action;
        final Map<String, Object> args;
        final boolean played;
        final long start;
        final List<Map<String, Object>> expect = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        final Set<String> newCalls = new HashSet<>();
        final Set<String> connected = new HashSet<>();
        String title;
        Command command;
        Draft outcome;
        boolean madeCall;
        int incidental;
        long last;
        Duration within;

        Draft(Step.Kind kind, String action, Map<String, Object> args, boolean played, long start) {
            this.kind = kind;
            this.action = action;
            this.args = new LinkedHashMap<>(args);
            this.played = played;
            this.start = start;
            this.last = start;
        }
    }

    private final FlowRecorder.Recording rec;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<String> preamble = new ArrayList<>();
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final Set<String> ringing = new HashSet<>();

    private FlowWriter(FlowRecorder.Recording rec) {
        this.rec = rec;
        for (FlowRecorder.Item i : rec.items()) {
            if (i instanceof FlowRecorder.Sent s) sent(s);
            else if (i instanceof FlowRecorder.Played p) played(p);
            else if (i instanceof FlowRecorder.Came c) message(c);
        }
    }

    /**
     * One vendor message's events. A step the far end began inside the message (a call in a batch that also
     * carries the agent's state) takes the message's earlier events too: they came with it, not before it.
     */
    private void message(FlowRecorder.Came c) {
        Draft owner = current();
        int mark = owner == null ? 0 : owner.expect.size();
        int index = 0;
        for (Event e : c.events()) {
            if (rec.runs().incidental(c.order() / 2, index++)) {
                if (owner != null) owner.incidental++;
                continue;
            }
            Draft was = current();
            event(e, c.nanos());
            Draft now = current();
            if (now != was && was == owner && owner != null && owner.expect.size() > mark) {
                List<Map<String, Object>> earlier = owner.expect.subList(mark, owner.expect.size());
                now.expect.addAll(0, earlier);
                earlier.clear();
            }
        }
    }

    /** The flow file; {@code name} may be null (then it says what was recorded and when). */
    public static String yaml(FlowRecorder.Recording rec, String name) {
        FlowWriter w = new FlowWriter(rec);
        w.lateEventsBack();
        w.backToTheSignIn();
        return w.text(name);
    }

    /**
     * A far-end step owns the events from its own first one on (a call ringing, a hang-up, callers queueing): what
     * came before that, in a quick run, was still the previous step's doing (the last call's recording, a leg that
     * ended after a transfer, a notice of the session's start) and goes back to it, where the replay waits for it.
     * How a colleague or a dialled number will behave owns nothing.
     */
    private void lateEventsBack() {
        for (int i = drafts.size() - 1; i > 0; i--) {
            Draft d = drafts.get(i);
            if (d.kind != Step.Kind.FAR) continue;
            Set<String> own = switch (d.action) {
                case "inbound", "campaign" -> Set.of("call.ringing", "call.dialing", "call.connected", "queue.callWaiting");
                case "hangup" -> Set.of("call.ended");
                case "waiting" -> Set.of("queue.waiting");
                default -> Set.of();
            };
            if (d.action.equals("scenario")) continue; // a simulator's scenario may do anything
            int first = 0;
            while (first < d.expect.size() && !own.contains(String.valueOf(d.expect.get(first).get("type")))) first++;
            List<Map<String, Object>> before = d.expect.subList(0, first);
            drafts.get(i - 1).expect.addAll(before);
            before.clear();
        }
    }

    /** What signing in makes the vendor say; it may still be arriving when the agent (or a flow run) acts next. */
    private static final Set<String> SIGN_IN_FACTS = Set.of("agent.pauseReasons", "agent.loggedIn", "device.paired",
            "device.selectionRequired", "session.ready");
    private static final Set<String> SIGN_IN_STEPS = Set.of("login", "sso", "selectDevice", "provision", "identify");

    /**
     * Facts of the sign-in that came during a later step (a quick run acts before the vendor has listed the pause
     * reasons) go back to the sign-in step: there the replay waits for them, where a later step may begin after
     * they came and never see them.
     */
    private void backToTheSignIn() {
        Draft signIn = null;
        for (Draft d : drafts) {
            boolean isSignIn = d.kind == Step.Kind.AGENT && SIGN_IN_STEPS.contains(d.action) || d.kind == Step.Kind.WAIT;
            if (isSignIn) {
                signIn = d;
                continue;
            }
            if (signIn == null || d.kind == Step.Kind.FAR && d.action.equals("scenario")) continue;
            for (var it = d.expect.iterator(); it.hasNext(); ) {
                Map<String, Object> p = it.next();
                if (SIGN_IN_FACTS.contains(String.valueOf(p.get("type")))) {
                    signIn.expect.add(p);
                    it.remove();
                }
            }
        }
    }

    /** How many steps the recording makes so far. */
    public static int steps(FlowRecorder.Recording rec) {
        return new FlowWriter(rec).drafts.size();
    }

    private void sent(FlowRecorder.Sent s) {
        CommandSteps.AgentStep a = CommandSteps.of(s.command(), s.before(), vars::get);
        if (a.action() == null) {
            comment("the agent's " + s.command().kind() + " here is not a step of a call: left out");
            return;
        }
        Draft d = new Draft(Step.Kind.AGENT, a.action(), a.args(), false, s.nanos());
        d.command = s.command();
        String far = s.command() instanceof Command.Dial ? "nextDial" : s.command() instanceof Command.Consult ? "colleague" : null;
        if (far != null) {
            Draft prev = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            boolean given = prev != null && prev.played && prev.action.equals(far);
            if (!given && (rec.farPlays() == null || rec.farPlays().contains(far))) {
                Draft o = new Draft(Step.Kind.FAR, far, Map.of("outcome", "answer"), false, s.nanos());
                drafts.add(o);
                d.outcome = o;
            }
        }
        drafts.add(d);
    }

    private void played(FlowRecorder.Played p) {
        Step st = p.step();
        Draft d = new Draft(st.kind(), st.kind() == Step.Kind.WAIT ? st.action() : st.action(), st.args(), true, p.nanos());
        d.title = st.title();
        if (st.within().compareTo(TIMEOUT) > 0) d.within = st.within();
        drafts.add(d);
    }

    private void event(Event e, long nanos) {
        if (e instanceof Event.VendorUnmapped) return;
        String id = callId(e);
        boolean opens = e instanceof Event.CallRinging || e instanceof Event.CallDialing || e instanceof Event.CallConnected
                || e instanceof Event.QueueCallWaiting;
        if (id != null && !vars.containsKey(id) && !opens) {
            comment(e.type() + " of a call that was on the line before the recording began: left out");
            return;
        }
        Draft d = current();
        Draft t = trigger(e, id, d, nanos);
        if (t != null) {
            drafts.add(t);
            d = t;
        }
        if (d == null) {
            preamble.add(e.type());
            return;
        }
        track(e, id, d);
        d.expect.add(Relax.pattern(e, this::var, vars::containsKey));
        d.last = nanos;
    }

    /** A far-end step (or an answer outside the bar) that the events show and no recorded step explains. */
    private Draft trigger(Event e, String id, Draft d, long nanos) {
        boolean farOwns = d != null && d.kind != Step.Kind.AGENT;
        boolean ownCall = farOwns && d.kind == Step.Kind.FAR && !d.madeCall
                && !List.of("hangup", "colleague", "nextDial").contains(d.action);
        if (e instanceof Event.CallRinging r && inbound(r.call()) && !vars.containsKey(id)) {
            return ownCall || (d != null && d.kind == Step.Kind.WAIT) ? null : inferred(r.call(), nanos);
        }
        if (e instanceof Event.QueueWaiting q && q.count() > 0) {
            return ownCall ? null : new Draft(Step.Kind.FAR, "waiting", Map.of("count", String.valueOf(q.count())), false, nanos);
        }
        if (e instanceof Event.CallEnded && d != null) {
            if (d.played || d.kind == Step.Kind.WAIT) return null;
            if (d.kind == Step.Kind.AGENT && endsCalls(d.command)) return null;
            // The step's own new call that never connected: busy, unanswered, or a caller who gave up.
            if (d.newCalls.contains(id) && !d.connected.contains(id)) return null;
            return new Draft(Step.Kind.FAR, "hangup", Map.of(), false, nanos);
        }
        if (e instanceof Event.CallConnected && ringing.contains(id) && rec.answers()) {
            if (d != null && (d.played || d.kind == Step.Kind.WAIT)) return null;
            if (d != null && d.kind == Step.Kind.AGENT && d.action.equals("answer")) return null;
            Draft a = new Draft(Step.Kind.AGENT, "answer", Map.of(), false, nanos);
            a.title = "the agent answered outside the bar's buttons (the vendor's page or phone)";
            return a;
        }
        return null;
    }

    /** A customer's call as the far end's step: a campaign call when a dialer placed it. */
    private Draft inferred(Call c, long nanos) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (c.campaign() != null) {
            String to = c.customer() != null && c.customer().number() != null ? c.customer().number()
                    : c.from() != null ? c.from().number() : null;
            put(a, "to", to);
            put(a, "campaign", c.campaign().id());
            Map<String, Object> customer = new LinkedHashMap<>();
            if (c.customer() != null) {
                put(customer, "name", c.customer().name());
                put(customer, "id", c.customer().externalId());
            }
            if (!customer.isEmpty()) a.put("customer", customer);
            if (!c.data().isEmpty()) a.put("data", new LinkedHashMap<>(c.data()));
            return new Draft(Step.Kind.FAR, "campaign", a, false, nanos);
        }
        put(a, "from", c.from() == null ? null : c.from().number());
        put(a, "name", c.from() == null ? null : c.from().name());
        if (c.queue() != null) put(a, "queue", c.queue().name() != null ? c.queue().name() : c.queue().id());
        if (!c.data().isEmpty()) a.put("data", new LinkedHashMap<>(c.data()));
        if (!a.containsKey("from")) a.put("from", "unknown");
        return new Draft(Step.Kind.FAR, "inbound", a, false, nanos);
    }

    private void track(Event e, String id, Draft d) {
        if (id == null) {
            if (e instanceof Event.QueueWaiting) d.madeCall = true;
            return;
        }
        if (!vars.containsKey(id)) d.newCalls.add(id);
        if (e instanceof Event.CallRinging || e instanceof Event.CallDialing || e instanceof Event.QueueCallWaiting) d.madeCall = true;
        if (e instanceof Event.CallRinging r && inbound(r.call())) ringing.add(id);
        if (e instanceof Event.CallConnected) {
            d.connected.add(id);
            ringing.remove(id);
            if (d.outcome != null && d.newCalls.contains(id)) d.outcome.args.put("outcome", "answer");
        }
        if (e instanceof Event.CallEnded end) {
            ringing.remove(id);
            if (d.outcome != null && d.newCalls.contains(id) && !d.connected.contains(id)) {
                d.outcome.args.put("outcome", end.cause() != null && end.cause().contains("busy") ? "busy" : "noanswer");
            }
            if (d.kind == Step.Kind.FAR && !d.played && d.newCalls.contains(id) && !d.connected.contains(id)) {
                d.comments.add("the caller gave up before anyone answered: give the simulator's own option for it "
                        + "(docs/simulators/" + rec.vendor() + ".md), or this step waits for an end that never comes");
            }
        }
    }

    private static boolean inbound(Call c) {
        return c != null && c.direction() == Direction.INBOUND;
    }

    private static boolean endsCalls(Command c) {
        return c instanceof Command.Hangup || c instanceof Command.Reject || c instanceof Command.CompleteTransfer
                || c instanceof Command.BlindTransfer || c instanceof Command.EndConference || c instanceof Command.Logout
                || c instanceof Command.CancelConsult || c instanceof Command.ToVoicemail || c instanceof Command.LeaveConference
                || c instanceof Command.Conference;
    }

    private static String callId(Event e) {
        if (e instanceof Event.CallEvent ce) return ce.callId();
        if (e instanceof Event.QueueCallWaiting q) return q.callId();
        if (e instanceof Event.QueueCallLeft q) return q.callId();
        return null;
    }

    /** {@code call} for the first call, then {@code call2}, {@code call3}. */
    private String var(String callId) {
        return vars.computeIfAbsent(callId, id -> vars.isEmpty() ? "call" : "call" + (vars.size() + 1));
    }

    private Draft current() {
        return drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
    }

    private void comment(String text) {
        Draft d = current();
        if (d == null) preamble.add(text);
        else d.comments.add(text);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }

    private String text(String name) {
        StringBuilder b = new StringBuilder();
        b.append("# Recorded by Unibar from the ").append(rec.vendor())
                .append(rec.farPlays() != null ? " simulator" : " system (the vendor's own)").append(", ")
                .append(rec.started().toString().replaceAll("\\.\\d+Z$", "Z")).append(".\n")
                .append("# A password is never written: a login step reads it from ").append(CommandSteps.PASSWORD_VARIABLE)
                .append(" when the flow runs.\n");
        if (rec.atStart() != null && rec.atStart().phase() == dev.unibar.core.state.SessionPhase.READY) {
            b.append("# The bar was already signed in when the recording began: run it in a signed-in bar, or add the sign-in steps.\n");
        }
        if (!preamble.isEmpty()) {
            b.append("# Before the first step: ").append(YamlText.comment(String.join(", ", new java.util.LinkedHashSet<>(preamble))))
                    .append(" (left out).\n");
        }
        String title = name != null && !name.isBlank() ? name : "Recorded " + rec.vendor() + " flow, " + rec.started();
        b.append("name: ").append(YamlText.text(title)).append('\n')
                .append("vendor: ").append(YamlText.text(rec.vendor())).append('\n')
                .append("timeout: ").append(TIMEOUT.toSeconds()).append("s\n")
                .append("steps:\n");
        if (drafts.isEmpty()) b.append("  - wait: 1s\n    title: nothing was recorded\n");
        for (Draft d : drafts) step(b, d);
        return b.toString();
    }

    private void step(StringBuilder b, Draft d) {
        for (String c : d.comments) b.append("  # ").append(YamlText.comment(c)).append('\n');
        if (d.incidental > 0) {
            b.append("  # ").append(d.incidental).append(" more event(s) came during this step of a flow run that no step expected: left out\n");
        }
        String kind = switch (d.kind) {
            case AGENT -> "agent";
            case FAR -> "far";
            case WAIT -> "wait";
        };
        b.append("  - ").append(kind).append(": ").append(YamlText.text(d.action)).append('\n');
        if (d.title != null) b.append("    title: ").append(YamlText.text(d.title)).append('\n');
        for (Map.Entry<String, Object> e : d.args.entrySet()) {
            b.append("    ").append(YamlText.text(e.getKey())).append(": ").append(YamlText.value(e.getValue())).append('\n');
        }
        Duration took = Duration.ofNanos(Math.max(0, d.last - d.start));
        Duration within = d.within;
        if (took.multipliedBy(10).compareTo(TIMEOUT.multipliedBy(6)) > 0) {
            Duration twice = Duration.ofSeconds(took.multipliedBy(2).toSeconds() + 1);
            if (within == null || twice.compareTo(within) > 0) within = twice;
        }
        if (within != null) b.append("    within: ").append(within.toMillis() % 1000 == 0 ? within.toSeconds() + "s" : within.toMillis() + "ms").append('\n');
        if (!d.expect.isEmpty()) {
            b.append("    expect:\n");
            for (Map<String, Object> p : d.expect) b.append("      - ").append(YamlText.value(p)).append('\n');
        }
    }
}
