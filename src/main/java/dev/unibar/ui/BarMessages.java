package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.CallEnd;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.Presenter;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.ui.BarViewModel.Message;
import dev.unibar.ui.BarViewModel.TextKey;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the agent should read now: the message strip's content and the sign-in form's error. Decides
 * which state changes bring a message and which make a shown one stale (docs/decisions/0013).
 * Used on the FX thread, except {@link #refuse} and {@link #showLater}, which hop onto it.
 */
final class BarMessages {

    private final ReadOnlyObjectWrapper<Event.Notice> lastNotice = new ReadOnlyObjectWrapper<>(this, "lastNotice");
    private final ReadOnlyObjectWrapper<Event.SessionError> lastError = new ReadOnlyObjectWrapper<>(this, "lastError");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final AtomicLong messageSeq = new AtomicLong();
    /** The vendor's end causes in the one vocabulary: a call that did not go through is said alike for every vendor. */
    private final Map<String, CallEnd> endCauses;

    BarMessages(Map<String, CallEnd> endCauses) {
        this.endCauses = endCauses;
    }

    /** Called for every new state, after {@code before}. */
    void apply(BarState before, BarState s) {
        Message shown = message.get();
        if (shown != null && shown.staleWhenSituationChanges() && situationChanged(before, s)) message.set(null);
        showSessionError(before, s);
        boolean vendorSpoke = s.lastNotice() != null && (before == null || s.lastNotice() != before.lastNotice());
        if (vendorSpoke) {
            lastNotice.set(s.lastNotice());
            Event.Notice n = s.lastNotice();
            if (n.message() != null && !n.message().isBlank() && !repeatsTheSignInError(n.level(), n.message())) {
                message.set(new Message(n.level(), n.message(), messageSeq.incrementAndGet(), null, List.of(), true, n));
            }
        }
        if (!vendorSpoke) showNotPlaced(before, s);
    }

    /**
     * The vendor ended the agent's call as not placed (busy, no answer, congestion): one sentence for every vendor,
     * in the one vocabulary (decision 0055). Where the vendor said why in its own words (EPBX's onDiscaErro), those
     * words are the strip's and this says nothing over them.
     */
    private void showNotPlaced(BarState before, BarState s) {
        if (before == null || before.lastEnded() == s.lastEnded()) return;
        CallEnd end = Presenter.notPlaced(s, endCauses);
        if (end == null) return;
        String number = s.lastEnded().call().remoteNumber();
        message.set(new Message(NoticeLevel.WARNING, end.word(), messageSeq.incrementAndGet(),
                "callEnd.notPlaced." + end.word(), List.of(number == null ? "" : number)));
    }

    /**
     * A session error that arrives while the agent works goes to the message strip; only one that
     * arrives before or during sign-in belongs on the sign-in form. Leaving the working phase (log-out)
     * takes an old error off the form: it described a session that is over.
     */
    private void showSessionError(BarState before, BarState s) {
        Event.SessionError err = s.lastError();
        boolean fresh = err != null && (before == null || err != before.lastError());
        if (fresh && s.phase() == SessionPhase.READY) {
            // As a notice, so the strip renders its key (when it has one) in the agent's language.
            Event.Notice n = new Event.Notice(err.vendor(), err.at(), NoticeLevel.ERROR, err.message(), err.key(),
                    err.args());
            if (err.message() != null && !err.message().isBlank()) {
                message.set(new Message(NoticeLevel.ERROR, err.message(), messageSeq.incrementAndGet(), null,
                        List.of(), false, n));
            }
            lastError.set(null);
        } else if (fresh) {
            lastError.set(err);
            // The login command's failure may have reached the strip first: the form says it now.
            Message shown = message.get();
            if (shown != null && repeatsTheSignInError(shown.level(), shown.text())) message.set(null);
        } else if (err == null || s.phase() == SessionPhase.READY
                || (before != null && before.phase() == SessionPhase.READY)) {
            lastError.set(null);
        }
    }

    /**
     * A refused sign-in reaches the bar more than once: as the vendor's session error, which the sign-in form
     * shows, and as the failure of the login command (the session's notice, the bar's own message). The strip
     * does not say it again, and in English, since the command's failure carries only the text.
     */
    private boolean repeatsTheSignInError(NoticeLevel level, String text) {
        Event.SessionError e = lastError.get();
        return e != null && level == NoticeLevel.ERROR && Objects.equals(e.message(), text);
    }

    /** What the agent can act on changed: the agent state, the phase, or the calls and their status. */
    private static boolean situationChanged(BarState before, BarState s) {
        if (before == null) return false;
        if (before.phase() != s.phase() || before.agentState() != s.agentState()
                || !Objects.equals(before.stateReason(), s.stateReason())) return true;
        if (!before.calls().keySet().equals(s.calls().keySet())) return true;
        for (CallView c : s.calls().values()) {
            CallView b = before.calls().get(c.id());
            if (b == null || b.status() != c.status() || b.muted() != c.muted()) return true;
        }
        return false;
    }

    /** The bar's own refusal of a command the guard forbids, in the agent's language. Any thread. */
    void refuse(CommandKind kind) {
        onFx(() -> message.set(new Message(NoticeLevel.WARNING, kind + " is not possible now",
                messageSeq.incrementAndGet(), "refused.notNow", List.of(new TextKey("command." + kind.name())))));
    }

    /** Shows a bar-made message with a bundle key (its {@code args} may be {@link TextKey}s). Any thread. */
    void showKeyed(NoticeLevel level, String key, Object... args) {
        onFx(() -> message.set(new Message(level, key, messageSeq.incrementAndGet(), key, List.of(args))));
    }

    void show(NoticeLevel level, String text) {
        if (text == null || text.isBlank() || repeatsTheSignInError(level, text)) return;
        message.set(new Message(level, text, messageSeq.incrementAndGet()));
    }

    /** {@link #show} from any thread. */
    void showLater(NoticeLevel level, String text) {
        onFx(() -> show(level, text));
    }

    void clear() {
        message.set(null);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    ReadOnlyObjectProperty<Event.Notice> lastNoticeProperty() { return lastNotice.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Event.SessionError> lastErrorProperty() { return lastError.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
}
