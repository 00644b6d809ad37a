package dev.unibar.connectors.ucs.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulated UCS server knows (users, phones, reasons, queues, the SSO secret) and how it
 * behaves (delays, busy numbers, one-shot scenario arms). Shared by all sessions of one simulator and
 * changed at run time by scenarios, hence synchronized throughout.
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("identifier", identifier);
            m.put("name", name);
            m.put("number", number);
            m.put("type", "line");
            m.put("line_id", id);
            return m;
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

    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private final List<SimDevice> devices = new ArrayList<>();
    private final List<String> auxReasons = new ArrayList<>();
    private final List<String> callReasons = new ArrayList<>();
    private final List<SimQueue> queues = new ArrayList<>();
    private final List<String> busySuffixes = new ArrayList<>();
    private String ssoSecret = "demo-sso-secret";
    private long ssoWindowSeconds = 300;
    private Delays delays = Delays.realistic();
    private String initialStatus = "OFFLINE";
    private String initialReason;
    // One-shot arms, consumed by whichever session gets there first.
    private String nextDial;
    private LoginError nextLoginError;
    private Long nextAcwMs;
    private long acwAfterEveryCallMs;
    private String consultBehavior = "answer";

    public static UcsSimSettings defaults() {
        UcsSimSettings s = new UcsSimSettings();
        s.putUser(new SimUser(DEMO_USER, DEMO_PASSWORD, 101, "Alena", "Agentová", "agent@example.invalid", "201", false));
        s.putUser(new SimUser("supervisor", "supervisor", 102, "Petr", "Supervizor", "supervisor@example.invalid", "202", true));
        s.devices.add(new SimDevice(1, "201", "Linka 201 (Yealink T46)", "201"));
        s.devices.add(new SimDevice(2, "202", "Linka 202 (Yealink T46)", "202"));
        s.devices.add(new SimDevice(3, "softphone-201", "Softphone 201", "201"));
        s.auxReasons.addAll(List.of("Oběd", "Přestávka", "Školení", "Porada"));
        s.callReasons.addAll(List.of("Informace", "Reklamace", "Objednávka"));
        s.queues.add(new SimQueue(1, "Podpora", "800100200", 1));
        s.queues.add(new SimQueue(2, "Obchod", "800100300", 1));
        s.queues.add(new SimQueue(10, "Kampaň podzim", "", 0));
        s.busySuffixes.add("0000");
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
            nextDial = null;
            nextLoginError = null;
            nextAcwMs = null;
        }
    }

    /** Everything but the one-shot arms, from a settings object nobody else is changing. */
    private void assign(UcsSimSettings o) {
        users.clear();
        users.putAll(o.users);
        devices.clear();
        devices.addAll(o.devices);
        auxReasons.clear();
        auxReasons.addAll(o.auxReasons);
        callReasons.clear();
        callReasons.addAll(o.callReasons);
        queues.clear();
        queues.addAll(o.queues);
        busySuffixes.clear();
        busySuffixes.addAll(o.busySuffixes);
        ssoSecret = o.ssoSecret;
        ssoWindowSeconds = o.ssoWindowSeconds;
        delays = o.delays;
        initialStatus = o.initialStatus;
        initialReason = o.initialReason;
        acwAfterEveryCallMs = o.acwAfterEveryCallMs;
        consultBehavior = o.consultBehavior;
    }

    public synchronized UcsSimSettings putUser(SimUser u) {
        users.put(u.username(), u);
        return this;
    }

    public synchronized SimUser user(String username) {
        return username == null ? null : users.get(username);
    }

    public synchronized List<SimUser> users() {
        return List.copyOf(users.values());
    }

    public synchronized List<SimDevice> devices() {
        return List.copyOf(devices);
    }

    public synchronized UcsSimSettings devices(List<SimDevice> list) {
        devices.clear();
        devices.addAll(list);
        return this;
    }

    public synchronized List<String> auxReasons() {
        return List.copyOf(auxReasons);
    }

    public synchronized UcsSimSettings auxReasons(List<String> list) {
        auxReasons.clear();
        auxReasons.addAll(list);
        return this;
    }

    public synchronized List<String> callReasons() {
        return List.copyOf(callReasons);
    }

    public synchronized List<SimQueue> queues() {
        return List.copyOf(queues);
    }

    public synchronized UcsSimSettings queues(List<SimQueue> list) {
        queues.clear();
        queues.addAll(list);
        return this;
    }

    public synchronized boolean isBusy(String number) {
        if (number == null) return false;
        for (String s : busySuffixes) {
            if (number.endsWith(s)) return true;
        }
        return false;
    }

    public synchronized UcsSimSettings busySuffixes(List<String> list) {
        busySuffixes.clear();
        busySuffixes.addAll(list);
        return this;
    }

    public synchronized List<String> busySuffixes() {
        return List.copyOf(busySuffixes);
    }

    public synchronized String ssoSecret() {
        return ssoSecret;
    }

    public synchronized UcsSimSettings ssoSecret(String secret) {
        ssoSecret = Objects.requireNonNull(secret);
        return this;
    }

    public synchronized long ssoWindowSeconds() {
        return ssoWindowSeconds;
    }

    public synchronized UcsSimSettings ssoWindowSeconds(long s) {
        ssoWindowSeconds = s;
        return this;
    }

    public synchronized Delays delays() {
        return delays;
    }

    public synchronized UcsSimSettings delays(Delays d) {
        delays = Objects.requireNonNull(d);
        return this;
    }

    public synchronized String initialStatus() {
        return initialStatus;
    }

    public synchronized String initialReason() {
        return initialReason;
    }

    /** The availability an agent has right after login (UCS keeps it across logins; the sim does not). */
    public synchronized UcsSimSettings initialStatus(String status, String reason) {
        initialStatus = Objects.requireNonNull(status);
        initialReason = reason;
        return this;
    }

    public synchronized UcsSimSettings armNextDial(String outcome) {
        nextDial = outcome;
        return this;
    }

    /** The armed outcome of the next dial, cleared by reading it. */
    synchronized String takeNextDial() {
        String d = nextDial;
        nextDial = null;
        return d;
    }

    public synchronized UcsSimSettings armLoginError(LoginError e) {
        nextLoginError = e;
        return this;
    }

    synchronized LoginError takeLoginError() {
        LoginError e = nextLoginError;
        nextLoginError = null;
        return e;
    }

    public synchronized UcsSimSettings armAcw(long ms) {
        nextAcwMs = ms;
        return this;
    }

    /** 0 turns after-call work off for calls the acw scenario did not arm. */
    public synchronized UcsSimSettings acwAfterEveryCall(long ms) {
        acwAfterEveryCallMs = ms;
        return this;
    }

    /** ACW length after the call that just ended, or -1 for none; consumes a one-shot arm. */
    synchronized long takeAcwMs() {
        if (nextAcwMs != null) {
            long ms = nextAcwMs;
            nextAcwMs = null;
            return ms;
        }
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
