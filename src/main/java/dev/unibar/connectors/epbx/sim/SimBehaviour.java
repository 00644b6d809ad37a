package dev.unibar.connectors.epbx.sim;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The knobs scenarios turn: how the far end of a dialed or consulted call behaves, whether the next
 * conference fails, one-shot method rejections. Shared by every hub of one simulator; thread-safe.
 */
public final class SimBehaviour {

    /** What the far end of a call the agent placed does. */
    public enum Outcome { ANSWER, BUSY, NOANSWER;
        public static Outcome parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", ""));
        }
    }

    public volatile Outcome outboundOutcome = Outcome.ANSWER;
    public volatile long outboundAnswerMs = 800;
    public volatile Outcome consultOutcome = Outcome.ANSWER;
    public volatile long consultAnswerMs = 800;
    /** Busy is signalled quickly, no-answer after the ring time. */
    public volatile long busyMs = 300;
    public volatile long noAnswerMs = 4000;
    /** Non-null: the next ConferenciaIniciar fails with this message through onConferenciaErro. */
    public volatile String conferenceError;
    /** Whether a call that ends produces onChamadaGlobalId (and a downloadable recording). */
    public volatile boolean recordCalls = true;
    /** Interval entered after a dialer call ends (0 = none). */
    public volatile int dialerWrapUpInterval = 9;

    private final Map<String, String> rejectNext = new ConcurrentHashMap<>();
    private final AtomicReference<String> rejectAny = new AtomicReference<>();
    private final AtomicReference<String> logadoErro = new AtomicReference<>();

    public void rejectNext(String method, String message) {
        rejectNext.put(method.toLowerCase(Locale.ROOT), message);
    }

    /** The next hub invocation, whichever method it is, fails with {@code message}. */
    public void rejectAnyNext(String message) {
        rejectAny.set(message);
    }

    /** The one-shot rejection of this method (or of whichever comes next), consumed by the call. */
    public String takeRejection(String method) {
        String own = rejectNext.remove(method.toLowerCase(Locale.ROOT));
        return own != null ? own : rejectAny.getAndSet(null);
    }

    /** Numbers that are busy for a conference participant. */
    private final java.util.Set<String> busyNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> dialError = new AtomicReference<>();
    private final AtomicReference<String> pickup = new AtomicReference<>();

    public void busyNumber(String numero) {
        busyNumbers.add(numero);
    }

    public boolean isBusy(String numero) {
        return busyNumbers.contains(numero);
    }

    /** The next Discar fails at the PBX with onDiscaErro(message). */
    public void dialErrorNext(String message) {
        dialError.set(message);
    }

    public String takeDialError() {
        return dialError.getAndSet(null);
    }

    /** A call from {@code telefone} rings at another extension, ready for CapturaDirigida. */
    public void pickupAvailable(String telefone) {
        pickup.set(telefone);
    }

    public String takePickup() {
        return pickup.getAndSet(null);
    }

    public void logadoErroNext(String message) {
        logadoErro.set(message);
    }

    public String takeLogadoErro() {
        return logadoErro.getAndSet(null);
    }

    public void reset() {
        outboundOutcome = Outcome.ANSWER;
        outboundAnswerMs = 800;
        consultOutcome = Outcome.ANSWER;
        consultAnswerMs = 800;
        busyMs = 300;
        noAnswerMs = 4000;
        conferenceError = null;
        recordCalls = true;
        dialerWrapUpInterval = 9;
        rejectNext.clear();
        rejectAny.set(null);
        busyNumbers.clear();
        dialError.set(null);
        pickup.set(null);
        logadoErro.set(null);
    }
}
