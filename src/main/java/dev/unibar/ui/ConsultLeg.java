package dev.unibar.ui;

import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;

import java.util.Optional;

/** Which line a "cancel consultation" acts on. */
final class ConsultLeg {

    private ConsultLeg() {
    }

    /** The consultation leg: the active call while another one is held. */
    static Optional<String> of(BarState s) {
        if (s == null || s.heldCall().isEmpty()) return Optional.empty();
        String held = s.heldCall().get().id();
        return s.activeCall().map(CallView::id).filter(id -> !id.equals(held));
    }
}
