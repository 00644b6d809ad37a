package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.Replies;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the simulated UCS server knows (users, phones, reasons, queues, the SSO secret) and how it
 * behaves (delays, busy numbers, one-shot scenario arms). Shared by all sessions of one simulator and
 * changed at run time by scenarios, hence synchronized; the one-shot arms are atomic references, taken by
 * whichever session reads them first.
 */
public final class UcsSimSettings {

    /** The demo's account (README, the sign-in form in demo mode). */
    public static final String DEMO_USER = "agent";
    public static final String DEMO_PASSWORD = "agent";


    /** A UCS user; the password never appears in {@link #toString()}. */
    public record SimUser(String username, String password, int id, String firstname, String lastname,
                          String email, String extension, boolean superuser) {
        public SimUser {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
        }

        public String displayname() {
            return (firstname + " " + lastname).trim();
        }

        @Override
        public String toString() {
            return "SimUser[" + username + ", id=" + id + ", ext=" + extension + "]";
        }
    }

    /** A phone the agent can pair with; {@code identifier} is what selectIdentifier takes. */
    public record SimDevice(int id, String identifier, String name, String number) {
        public Map<String, Object> toMap() {
            return Replies.fields("id", id,
                    "identifier", identifier,
                    "name", name,
                    "number", number,
                    "type", "line",
                    "line_id", id);
        }
    }

    /** type 1 = inbound, 0 = outbound (seed's Queue.type). */
    public record SimQueue(int id, String name, String number, int type) {
    }

    /**
     * Timings in milliseconds.
     *
     * @param outboundRingMs how long a dialled number rings before it answers
     * @param noAnswerMs     how long it rings before giving up when it will not answer
     * @param consultRingMs  ring time of a consultation call
     * @param acwMs          after-call work when the acw scenario gives no duration
     * @param demoIntervalMs pause between the demo loop's inbound calls
     */
    public record Delays(long outboundRingMs, long noAnswerMs, long consultRingMs, long acwMs, long demoIntervalMs) {
        /** Looks like a real call centre to a person watching the bar. */
        public static Delays realistic() {
            return new Delays(3000, 15000, 2000, 10000, 20000);
        }

        /** For tests: everything happens almost at once, still asynchronously. */
        public static Delays fast() {
            return new Delays(20, 60, 20, 80, 200);
        }
    }

    /** A login error armed by the login-error scenario. */
    public record LoginError(int code, String message) {
    }

    public static final String VERSION = "4.x.x-sim";
    public static final List<String> RINGING_SOUNDS = List.of("default", "christmas", "lovingYou", "quest", "rush");

    private static final List<SimUser> USERS = List.of(
            new SimUser(DEMO_USER, DEMO_PASSWORD, 101, "Alena", "Agentová", "agent@example.invalid", "201", false),
            new SimUser("supervisor", "supervisor", 102, "Petr", "Supervizor", "supervisor@example.invalid", "202", true));

    private static final List<String> CALL_REASONS = List.of("Informace", "Reklamace", "Objednávka");
    /** Dialled numbers ending so are busy. */
    private static final List<String> BUSY_SUFFIXES = List.of("0000");
    /** How far an SSO token's timestamp may be from the server's clock. */
    static final long SSO_WINDOW_SECONDS = 300;

    // Lists are immutable and replaced whole, so a copy can share them.
    private List<SimDevice> devices = List.of();
    private List<String> auxReasons = List.of();
    private List<SimQueue> queues = List.of();
    private String ssoSecret = "demo-sso-secret";
    private Delays delays = Delays.realistic();
    // One-shot arms, consumed by whichever session gets there first.
    private final AtomicReference<String> nextDial = new AtomicReference<>();
    private final AtomicReference<LoginError> nextLoginError = new AtomicReference<>();
    private final AtomicReference<Long> nextAcwMs = new AtomicReference<>();
    private long acwAfterEveryCallMs;
    private String consultBehavior = "answer";

    public static UcsSimSettings defaults() {
        UcsSimSettings s = new UcsSimSettings();
        s.devices = List.of(new SimDevice(1, "201", "Linka 201 (Yealink T46)", "201"),
                new SimDevice(2, "202", "Linka 202 (Yealink T46)", "202"),
                new SimDevice(3, "softphone-201", "Softphone 201", "201"));
        s.auxReasons = List.of("Oběd", "Přestávka", "Školení", "Porada");
        s.queues = List.of(new SimQueue(1, "Podpora", "800100200", 1),
                new SimQueue(2, "Obchod", "800100300", 1),
                new SimQueue(10, "Kampaň podzim", "", 0));
        return s;
    }

    public synchronized UcsSimSettings copy() {
        UcsSimSettings c = new UcsSimSettings();
        c.assign(this);
        return c;
    }

    /** Takes over everything from {@code other} (used by reset to restore the start-up settings); arms are dropped. */
    public void restore(UcsSimSettings other) {
        UcsSimSettings o = other.copy();
        synchronized (this) {
            assign(o);
            nextDial.set(null);
            nextLoginError.set(null);
            nextAcwMs.set(null);
        }
    }

    /** Everything but the one-shot arms, from a settings object nobody else is changing. */
    private void assign(UcsSimSettings o) {
        devices = o.devices;
        auxReasons = o.auxReasons;
        queues = o.queues;
        ssoSecret = o.ssoSecret;
        delays = o.delays;
        acwAfterEveryCallMs = o.acwAfterEveryCallMs;
        consultBehavior = o.consultBehavior;
    }

    public SimUser user(String username) {
        for (SimUser u : USERS) if (u.username().equals(username)) return u;
        return null;
    }

    public List<SimUser> users() {
        return USERS;
    }

    public synchronized List<SimDevice> devices() {
        return devices;
    }

    public synchronized UcsSimSettings devices(List<SimDevice> list) {
        devices = List.copyOf(list);
        return this;
    }

    public synchronized List<String> auxReasons() {
        return auxReasons;
    }

    public synchronized UcsSimSettings auxReasons(List<String> list) {
        auxReasons = List.copyOf(list);
        return this;
    }

    public List<String> callReasons() {
        return CALL_REASONS;
    }

    public synchronized List<SimQueue> queues() {
        return queues;
    }

    public boolean isBusy(String number) {
        if (number == null) return false;
        for (String s : BUSY_SUFFIXES) {
            if (number.endsWith(s)) return true;
        }
        return false;
    }

    public synchronized String ssoSecret() {
        return ssoSecret;
    }

    public synchronized UcsSimSettings ssoSecret(String secret) {
        ssoSecret = Objects.requireNonNull(secret);
        return this;
    }

    public synchronized Delays delays() {
        return delays;
    }

    public synchronized UcsSimSettings delays(Delays d) {
        delays = Objects.requireNonNull(d);
        return this;
    }

    public UcsSimSettings armNextDial(String outcome) {
        nextDial.set(outcome);
        return this;
    }

    /** The armed outcome of the next dial, cleared by reading it. */
    String takeNextDial() {
        return nextDial.getAndSet(null);
    }

    public UcsSimSettings armLoginError(LoginError e) {
        nextLoginError.set(e);
        return this;
    }

    LoginError takeLoginError() {
        return nextLoginError.getAndSet(null);
    }

    public UcsSimSettings armAcw(long ms) {
        nextAcwMs.set(ms);
        return this;
    }

    /** 0 turns after-call work off for calls the acw scenario did not arm. */
    public synchronized UcsSimSettings acwAfterEveryCall(long ms) {
        acwAfterEveryCallMs = ms;
        return this;
    }

    /** ACW length after the call that just ended, or -1 for none; consumes a one-shot arm. */
    synchronized long takeAcwMs() {
        Long armed = nextAcwMs.getAndSet(null);
        if (armed != null) return armed;
        return acwAfterEveryCallMs > 0 ? acwAfterEveryCallMs : -1;
    }

    public synchronized String consultBehavior() {
        return consultBehavior;
    }

    public synchronized UcsSimSettings consultBehavior(String outcome) {
        consultBehavior = Objects.requireNonNull(outcome);
        return this;
    }
}
