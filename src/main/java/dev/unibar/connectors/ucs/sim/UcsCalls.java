package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.Scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The calls on the agent's phone (seed 002's Call objects and callbacks): answer, dial with its far end's
 * behaviour (answer, busy, no answer), hang-up causes, hold, mute, consultation and transfers, account
 * codes, after-call work, and the calls scenarios offer. Runs under the {@link UcsSimState} lock.
 */
final class UcsCalls {

    private static final AtomicLong UNIQUE_SEQ = new AtomicLong();
    private static final int HISTORY = 50;

    private final UcsSimState st;
    private final UcsSimSettings settings;
    private final List<SimCall> calls = new ArrayList<>();
    private final List<SimCall> history = new ArrayList<>();
    private final Map<String, String> accountCodes = new LinkedHashMap<>();
    private SimCall transferFrom;
    private Scheduler.Task acwTask;
    private int lastCallId;
    int inAnswered, inUnanswered, outAnswered, outUnanswered, transferred;

    UcsCalls(UcsSimState st, UcsSimSettings settings) {
        this.st = st;
        this.settings = settings;
    }

    List<SimCall> live() {
        return List.copyOf(calls);
    }

    boolean none() {
        return calls.isEmpty();
    }

    boolean transferring() {
        return transferFrom != null;
    }

    String accountCode(String uniqueid) {
        return accountCodes.get(uniqueid);
    }

    void lastCallId(int id) {
        lastCallId = id;
    }

    // ---------------------------------------------------------------- methods from the page

    boolean answer() {
        SimCall c = last(x -> x.incoming() && x.state == SimCall.RINGING);
        if (c == null) return st.refuse("answer: no ringing inbound call");
        c.cancelPending();
        c.state = SimCall.CONNECTED;
        c.connectedAt = st.nowSeconds();
        c.connected = st.session().agentParty();
        inAnswered++;
        st.push("onCallConnect", c.toMap(st.nowSeconds()));
        return true;
    }

    boolean dial(String number, Object queue, Object data) {
        if (number == null || number.isBlank()) return st.refuse("dial: a number is required");
        if (last(x -> x.state != SimCall.HELD) != null) return st.refuse("dial: a call is already in progress");
        boolean consult = transferFrom != null;
        String outcome = consult ? settings.consultBehavior() : settings.takeNextDial();
        if (settings.isBusy(number)) outcome = "busy";
        startOutbound(number.trim(), queue, data, consult, outcome == null ? "answer" : outcome);
        return true;
    }

    private void startOutbound(String number, Object queue, Object data, boolean consult, String outcome) {
        SimCall c = newCall("OUTGOING");
        c.caller = st.session().agentParty();
        c.called = number.length() <= 4
                ? new SimCall.Party(null, number, null, number, 1, true, null, "line", null, null)
                : SimCall.Party.remote(null, number);
        c.number = number;
        c.consultation = consult;
        Integer q = UcsSimState.toInt(queue);
        if (q != null) c.outboundId = q;
        if (data instanceof Map<?, ?> d) {
            for (Map.Entry<?, ?> e : d.entrySet()) c.data.put(String.valueOf(e.getKey()), e.getValue());
        }
        calls.add(c);
        st.push("onCallNew", c.toMap(st.nowSeconds()));
        c.state = SimCall.RINGING;
        st.push("onCallRinging", c.toMap(st.nowSeconds()));
        UcsSimSettings.Delays d = settings.delays();
        long ring = consult ? d.consultRingMs() : d.outboundRingMs();
        switch (outcome) {
            case "busy" -> c.pending = st.later(ring / 2, () -> {
                if (!c.ended()) endCall(c, SimCall.CAUSE_BUSY);
            });
            case "noanswer" -> c.pending = st.later(d.noAnswerMs(), () -> {
                if (c.state == SimCall.RINGING) endCall(c, SimCall.CAUSE_UNAVAILABLE);
            });
            default -> c.pending = st.later(ring, () -> {
                if (c.state != SimCall.RINGING) return;
                c.state = SimCall.CONNECTED;
                c.connectedAt = st.nowSeconds();
                c.connected = c.called;
                outAnswered++;
                st.push("onCallConnect", c.toMap(st.nowSeconds()));
            });
        }
    }

    boolean hangup() {
        SimCall c = current();
        if (c == null) return st.refuse("hangup: no call");
        boolean talked = c.connectedAt != null;
        int cause;
        if (c.incoming() && c.state == SimCall.RINGING) cause = SimCall.CAUSE_REJECTED;
        else cause = c.incoming() ? SimCall.CAUSE_CALLED : SimCall.CAUSE_CALLER;
        endCall(c, cause);
        afterCall(c, talked);
        return true;
    }

    boolean hold() {
        SimCall c = last(x -> x.state == SimCall.CONNECTED);
        if (c == null) return st.refuse("hold: no connected call");
        c.state = SimCall.HELD;
        st.push("onCallHold", c.toMap(st.nowSeconds()));
        return true;
    }

    boolean unhold() {
        SimCall c = last(x -> x.state == SimCall.HELD);
        if (c == null) return st.refuse("unhold: no call on hold");
        if (last(x -> x.state != SimCall.HELD) != null) return st.refuse("unhold: another call is active");
        c.state = SimCall.CONNECTED;
        if (c == transferFrom) transferFrom = null;
        st.push("onCallResume", c.toMap(st.nowSeconds()));
        return true;
    }

    boolean mute() {
        SimCall c = current();
        if (c == null || (c.state != SimCall.CONNECTED && c.state != SimCall.HELD)) return st.refuse("mute: no connected call");
        c.setAgentMuted(!c.agentMuted);
        st.push(c.agentMuted ? "onCallMute" : "onCallUnmute", c.toMap(st.nowSeconds()));
        return true;
    }

    boolean transfer(String number) {
        if (transferFrom != null) return st.refuse("transfer: a transfer is already in progress");
        SimCall c = last(x -> x.state == SimCall.CONNECTED && !x.consultation);
        if (c == null) return st.refuse("transfer: no connected call");
        c.state = SimCall.HELD;
        transferFrom = c;
        st.push("onCallHold", c.toMap(st.nowSeconds()));
        if (number != null && !number.isBlank()) {
            String outcome = settings.isBusy(number) ? "busy" : settings.consultBehavior();
            startOutbound(number.trim(), null, null, true, outcome);
        }
        return true;
    }

    boolean finishTransfer() {
        if (transferFrom == null || transferFrom.ended()) return st.refuse("finishTransfer: no transfer in progress");
        SimCall consult = last(x -> x.consultation);
        if (consult == null || consult.state != SimCall.CONNECTED) {
            return st.refuse("finishTransfer: the consultation call is not connected");
        }
        SimCall original = transferFrom;
        endCall(consult, SimCall.CAUSE_TRANSFER);
        endCall(original, SimCall.CAUSE_TRANSFER);
        transferred++;
        afterCall(original, true);
        return true;
    }

    boolean blindTransfer(String number) {
        if (number == null || number.isBlank()) return st.refuse("blindTransfer: a number is required");
        SimCall c = last(x -> (x.state == SimCall.CONNECTED || x.state == SimCall.HELD) && !x.consultation);
        if (c == null) return st.refuse("blindTransfer: no connected call");
        endCall(c, SimCall.CAUSE_TRANSFER);
        transferred++;
        afterCall(c, true);
        return true;
    }

    boolean setAccountCode(String uniqueid, String code, String sub) {
        if (code == null || code.isBlank()) return st.refuse("setAccountCode: an account code is required");
        SimCall c = null;
        for (SimCall x : calls) if (x.uniqueid.equals(uniqueid)) c = x;
        for (SimCall x : history) if (x.uniqueid.equals(uniqueid)) c = x;
        if (c == null) return st.refuse("setAccountCode: unknown call " + uniqueid);
        String full = sub == null || sub.isBlank() ? code : code + "/" + sub;
        accountCodes.put(uniqueid, full);
        // UCS words its messages in the operator's language (Czech here, as the seed's own examples) and sends
        // the values apart from the template, as notify's "other" does; the group says what kind of message it is.
        st.push("onMessage", java.util.Map.of("message", "Account kód {accountCode} byl nastaven", "type", "success",
                "group", "accountCode", "data", java.util.Map.of("values", java.util.Map.of("accountCode", full))));
        return true;
    }

    /** Logout: every call goes without a word, as the phone is gone. */
    void dropAll() {
        cancelAcw();
        for (SimCall c : calls) c.cancelPending();
        calls.clear();
        transferFrom = null;
    }

    /** The page went away: nothing more happens on its calls. */
    void close() {
        for (SimCall c : calls) c.cancelPending();
        cancelAcw();
    }

    // ---------------------------------------------------------------- calls from scenarios

    /** An inbound call rings on the agent's phone; the caller gives up after {@code autoHangupAfterMs} (0: never). */
    SimCall offerInbound(String number, String name, UcsSimSettings.SimQueue q, Object queue, Map<String, Object> data,
                         long autoHangupAfterMs) {
        SimCall c = newCall("INCOMING");
        String num = number == null || number.isBlank() ? "777123456" : number;
        c.caller = SimCall.Party.remote(name, num);
        if (q != null) c.called = new SimCall.Party(q.name(), q.number(), null, null, null, false, null, "line", null, null);
        else if (queue != null) c.called = new SimCall.Party(String.valueOf(queue), null, null, null, null, false, null, "line", null, null);
        else c.called = st.session().agentParty();
        c.number = num;
        c.name = name;
        if (data != null) c.data.putAll(data);
        Object ext = c.data.get("external_id");
        if (ext != null) c.externalId = String.valueOf(ext);
        c.state = SimCall.RINGING;
        calls.add(c);
        st.push("onCallRinging", c.toMap(st.nowSeconds()));
        if (autoHangupAfterMs > 0) {
            c.pending = st.later(autoHangupAfterMs, () -> {
                if (c.ended()) return;
                boolean talked = c.connectedAt != null;
                if (!talked) inUnanswered++;
                endCall(c, SimCall.CAUSE_CALLER);
                afterCall(c, talked);
            });
        }
        return c;
    }

    /** The other party hangs up the current call: cause 3 when they called, 4 when the agent did. */
    SimCall remoteHangup() {
        SimCall c = current();
        if (c == null) throw new IllegalStateException("remote-hangup: there is no call");
        boolean talked = c.connectedAt != null;
        if (c.incoming() && !talked) inUnanswered++;
        endCall(c, c.incoming() ? SimCall.CAUSE_CALLER : SimCall.CAUSE_CALLED);
        afterCall(c, talked);
        return c;
    }

    // ---------------------------------------------------------------- internals

    /** After a talked call with no other call left: ACW when a scenario armed it, then READY. */
    private void afterCall(SimCall c, boolean talked) {
        if (!talked || c.consultation || !calls.isEmpty() || st.phase() != UcsSimState.Phase.READY) return;
        long ms = settings.takeAcwMs();
        if (ms < 0) return;
        cancelAcw();
        UcsSession s = st.session();
        s.setStatus("ACW", null);
        acwTask = st.later(ms, () -> {
            acwTask = null;
            if ("ACW".equals(s.status)) s.setStatus("READY", null);
        });
    }

    void cancelAcw() {
        if (acwTask != null) {
            acwTask.cancel();
            acwTask = null;
        }
    }

    private void endCall(SimCall c, int cause) {
        c.cancelPending();
        if (!c.incoming() && c.connectedAt == null && !c.consultation) outUnanswered++;
        c.state = SimCall.HUNGUP;
        c.cause = cause;
        c.disconnectedAt = st.nowSeconds();
        calls.remove(c);
        history.add(c);
        if (history.size() > HISTORY) history.remove(0);
        if (c == transferFrom) transferFrom = null;
        st.push("onCallHangup", c.toMap(st.nowSeconds()));
    }

    /** The call the agent is on: the newest one not on hold, else the newest held one. */
    SimCall current() {
        SimCall c = last(x -> x.state != SimCall.HELD);
        return c != null ? c : last(x -> true);
    }

    private SimCall last(Predicate<SimCall> p) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (p.test(calls.get(i))) return calls.get(i);
        }
        return null;
    }

    private SimCall newCall(String direction) {
        long created = st.nowSeconds();
        lastCallId = lastCallId >= 65535 ? 1 : lastCallId + 1;
        return new SimCall(created + "." + UNIQUE_SEQ.incrementAndGet(), lastCallId, direction, created);
    }
}
