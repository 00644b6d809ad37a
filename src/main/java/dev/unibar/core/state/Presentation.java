package dev.unibar.core.state;

import dev.unibar.core.model.AgentState;

import java.time.Duration;
import java.time.Instant;

/**
 * What the bar shows of the agent's situation, derived from {@link BarState} alone ({@link Presenter}), so every
 * vendor looks the same for the same situation. The vendor's own words stay beside it as {@link #said} (the
 * pill's tooltip, for support).
 *
 * @param reason       the pause reason as the agent knows it (its label), only while {@link Situation#NOT_READY}
 * @param since        when the situation began; null: no timer (not known, or the vendor did not say)
 * @param limitSeconds the vendor's limit for a pause or after-call work: the timer counts down to it
 * @param badges       what the call on the line is like (held, muted, conference...), only while on a call
 * @param stale        the connection is not up: the calls and the agent state are the last known, not the truth
 */
public record Presentation(Situation situation, String reason, Boolean productive, Instant since,
                           Integer limitSeconds, Badges badges, boolean consulting, boolean stale, Said said) {

    /** The call on the line, as badges. */
    public record Badges(boolean held, boolean muted, boolean conference, int participants, boolean recording,
                         boolean masked) {
        public static final Badges NONE = new Badges(false, false, false, 0, false, false);
    }

    /** What the vendor said, normalized but not interpreted: the detail behind the situation. */
    public record Said(String vendor, ConnectionStatus connection, SessionPhase phase, AgentState agentState,
                       String reason) {
    }

    /**
     * The timer beside the pill: time in the situation, or, where the vendor limits it, the time left counting
     * down to zero and then the time over with a "+" ({@code over}: shown in red).
     */
    public record Timer(String text, boolean countdown, boolean over) {
        public static final Timer NONE = new Timer("", false, false);
    }

    public Timer timer(Instant now) {
        if (since == null || now == null) return Timer.NONE;
        long elapsed = Math.max(0, Duration.between(since, now).getSeconds());
        if (limitSeconds == null) return new Timer(clock(elapsed), false, false);
        long left = limitSeconds - elapsed;
        return left >= 0 ? new Timer(clock(left), true, false) : new Timer("+" + clock(-left), true, true);
    }

    /** "05:07", "1:02:03": hours only when there are some. */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%02d:%02d", m, sec);
    }

    /** True when the agent may work calls from the bar now (the bar knows where things stand). */
    public boolean known() {
        return situation != Situation.NOT_KNOWN;
    }
}
