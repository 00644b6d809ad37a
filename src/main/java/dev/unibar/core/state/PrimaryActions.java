package dev.unibar.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The actions that fit the moment, in four fixed slots: what the bar's primary row shows. Each action keeps
 * one slot in every moment (Ready is always the second, Hang up always the fourth), so the agent's hand
 * learns the places; Answer's slot never holds anything that ends a call. Everything else the vendor offers
 * is one click away, in the row's "More" menu. Pure.
 */
public final class PrimaryActions {

    public static final int SLOTS = 4;

    /** What a slot can hold; {@link #NONE} leaves it empty (its place stays). */
    public enum Action {
        NONE, ANSWER, REJECT, HOLD, MUTE, TRANSFER, COMPLETE_TRANSFER, HANGUP, CODES, READY
    }

    private PrimaryActions() {
    }

    /**
     * The four slots for this moment. {@code offered} are the actions the vendor can do at all (its
     * capabilities); one it cannot do leaves its slot empty rather than showing a dead button.
     */
    public static List<Action> slots(Presentation p, Set<Action> offered) {
        Action[] s = {Action.NONE, Action.NONE, Action.NONE, Action.NONE};
        switch (p.situation()) {
            case RINGING -> {
                s[0] = Action.ANSWER;
                s[1] = Action.REJECT;
                // Where the vendor has no "reject", hanging up is how the agent turns the call down.
                if (!offered.contains(Action.REJECT)) s[3] = Action.HANGUP;
            }
            case ON_CALL -> {
                s[0] = Action.HOLD;
                s[1] = Action.MUTE;
                s[2] = p.consulting() && offered.contains(Action.COMPLETE_TRANSFER)
                        ? Action.COMPLETE_TRANSFER : Action.TRANSFER;
                s[3] = Action.HANGUP;
            }
            case WRAP_UP -> {
                s[0] = Action.CODES;
                s[1] = Action.READY;
            }
            case NOT_READY, OFFLINE -> s[1] = Action.READY;
            default -> {
                // Ready, or not known: nothing to do here (dialling is the pad's, beside the slots).
            }
        }
        List<Action> out = new ArrayList<>(SLOTS);
        for (Action a : s) out.add(offered.contains(a) ? a : Action.NONE);
        return out;
    }

    /** Which slot holds {@code a} when it is shown at all (every action has one place). */
    public static int slotOf(Action a) {
        return switch (a) {
            case ANSWER, HOLD, CODES -> 0;
            case REJECT, MUTE, READY -> 1;
            case TRANSFER, COMPLETE_TRANSFER -> 2;
            case HANGUP -> 3;
            case NONE -> -1;
        };
    }
}
