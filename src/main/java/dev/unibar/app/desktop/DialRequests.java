package dev.unibar.app.desktop;

import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.command.Guard;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.ui.Messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Dials what arrives from outside the bar ({@code unibar dial}, tel:/callto:/sip: links): at once when
 * the guard allows it; before the agent has logged in, once the bar is ready (within
 * {@link #PENDING_FOR}, so a link clicked in the morning does not ring in the afternoon); otherwise it
 * is refused and the agent is told. FX thread.
 */
public final class DialRequests {

    static final Duration PENDING_FOR = Duration.ofMinutes(2);

    private final Session session;
    private final Messages msg;
    private final Clock clock;
    private String pending;
    private Instant pendingUntil;
    private final Consumer<BarState> watcher = this::onState;

    public DialRequests(Session session, Messages msg, Clock clock) {
        this.session = session;
        this.msg = msg;
        this.clock = clock;
    }

    /** Dials {@code number} (already checked by {@link DialTarget}); the answer for the caller. */
    public String dial(String number) {
        BarState s = session.store().state();
        if (Guard.allowed(session.connector().capabilities(), s, CommandKind.DIAL)) {
            send(number);
            return "ok: dialing " + number;
        }
        if (!session.connector().capabilities().supports(CommandKind.DIAL)) {
            notice(NoticeLevel.WARNING, msg.format("desktop.dial.refused", number));
            return "error: this vendor cannot dial from Unibar";
        }
        if (s.phase() != SessionPhase.READY) {
            boolean first = pending == null;
            pending = number;
            pendingUntil = clock.instant().plus(PENDING_FOR);
            if (first) session.store().subscribe(watcher);
            notice(NoticeLevel.INFO, msg.format("desktop.dial.queued", number));
            return "ok: will dial " + number + " once the agent is logged in";
        }
        notice(NoticeLevel.WARNING, msg.format("desktop.dial.refused", number));
        return "error: cannot dial now";
    }

    /** The number waiting for the login, if any (tests). */
    public String pending() {
        return pending;
    }

    private void onState(BarState s) {
        // Store listeners run on whichever thread applied the event: hop to the FX thread to send.
        javafx.application.Platform.runLater(() -> {
            if (pending == null) return;
            if (clock.instant().isAfter(pendingUntil)) {
                clear();
                return;
            }
            if (Guard.allowed(session.connector().capabilities(), session.store().state(), CommandKind.DIAL)) {
                String n = pending;
                clear();
                send(n);
            }
        });
    }

    private void clear() {
        pending = null;
        session.store().unsubscribe(watcher);
    }

    private void send(String number) {
        session.send(new Command.Dial(number));
    }

    private void notice(NoticeLevel level, String text) {
        session.store().apply(new Event.Notice(session.connector().vendor(), null, level, text));
    }
}
