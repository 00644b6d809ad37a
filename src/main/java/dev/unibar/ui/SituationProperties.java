package dev.unibar.ui;

import dev.unibar.core.state.BarState;
import dev.unibar.core.state.Presentation;
import dev.unibar.core.state.Presenter;
import dev.unibar.core.state.Situation;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;

/**
 * The agent's situation as the pill, its timer and the primary row read it: {@link Presenter}'s presentation of
 * the latest state, and its timer, recomputed every second from the situation's start (never counted).
 */
final class SituationProperties {

    final ReadOnlyObjectWrapper<Presentation> presentation = new ReadOnlyObjectWrapper<>(this, "presentation",
            Presenter.present(BarState.initial("")));
    final ReadOnlyObjectWrapper<Situation> situation = new ReadOnlyObjectWrapper<>(this, "situation",
            Situation.NOT_KNOWN);
    final ReadOnlyStringWrapper timer = new ReadOnlyStringWrapper(this, "timer", "");
    /** The timer counts down to a limit the vendor set (a pause's, after-call work's). */
    final ReadOnlyBooleanWrapper countdown = new ReadOnlyBooleanWrapper(this, "countdown");
    /** Past that limit: the timer turns red. */
    final ReadOnlyBooleanWrapper over = new ReadOnlyBooleanWrapper(this, "over");

    void apply(BarState s, Instant now) {
        Presentation p = Presenter.present(s);
        if (!p.equals(presentation.get())) presentation.set(p);
        situation.set(p.situation());
        tick(now);
    }

    void tick(Instant now) {
        Presentation.Timer t = presentation.get().timer(now);
        timer.set(t.text());
        countdown.set(t.countdown());
        over.set(t.over());
    }
}
