package dev.unibar.ui;

import dev.unibar.core.state.Presentation;
import dev.unibar.core.state.Situation;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a {@link Presentation} looks: one word and one colour (a {@code situation-*} style class, bar.css) per
 * situation, the same for every vendor and in both themes. The pill is as wide as its widest word, so the
 * timer beside it never moves; the reason and the vendor's own words go beside it and into the tooltip.
 */
final class SituationLook {

    static final String BASE = "situation";

    private SituationLook() {
    }

    static String styleClass(Situation s) {
        return BASE + "-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> styleClasses() {
        List<String> out = new ArrayList<>();
        for (Situation s : Situation.values()) out.add(styleClass(s));
        return out;
    }

    static String word(Messages msg, Situation s) {
        return msg.get("situation." + s.name());
    }

    static List<String> words(Messages msg) {
        List<String> out = new ArrayList<>();
        for (Situation s : Situation.values()) out.add(word(msg, s));
        return out;
    }

    /**
     * What goes beside the pill: the pause reason (productive ones marked), or while the bar does not know because
     * the connection is not up, what the connection is doing ("Reconnecting…"); else "".
     */
    static String reason(Messages msg, Presentation p) {
        if (p.situation() == Situation.NOT_KNOWN && p.said().connection() != null
                && p.said().connection() != dev.unibar.core.state.ConnectionStatus.CONNECTED) {
            return msg.get("connection." + p.said().connection().name());
        }
        if (p.reason() == null) return "";
        return Boolean.TRUE.equals(p.productive()) ? msg.format("state.reasonProductive", p.reason()) : p.reason();
    }

    /** For a screen reader: the situation with its reason. */
    static String spoken(Messages msg, Presentation p) {
        String w = word(msg, p.situation());
        String r = reason(msg, p);
        return msg.format("state.accessible", r.isEmpty() ? w : msg.format("state.withReason", w, r));
    }

    /**
     * The tooltip: the situation, why it is not known when it is not, and what the vendor said (its state as
     * normalized, and the reason as it was sent), for the agent who wonders and for support.
     */
    static String detail(Messages msg, Presentation p) {
        Presentation.Said said = p.said();
        StringBuilder b = new StringBuilder(word(msg, p.situation()));
        String r = reason(msg, p);
        if (!r.isEmpty()) b.append(": ").append(r);
        if (p.situation() == Situation.NOT_KNOWN) {
            b.append("\n").append(said.connection() == dev.unibar.core.state.ConnectionStatus.CONNECTED
                    ? msg.get("situation.notKnown.notSaid") : msg.get("connection." + said.connection().name()));
        }
        String state = said.agentState() == null ? "—" : said.agentState().name();
        if (said.reason() != null && !said.reason().isBlank()) state += " (" + said.reason() + ")";
        b.append("\n").append(msg.format("situation.vendorSaid", msg.vendorName(said.vendor()), state));
        return b.toString();
    }

    /** Puts the situation's word and colour on {@code pill}; nothing else in its style classes is touched. */
    static void apply(Labeled pill, Messages msg, Presentation p) {
        pill.setText(word(msg, p.situation()));
        pill.setAccessibleText(spoken(msg, p));
        String wanted = styleClass(p.situation());
        if (!pill.getStyleClass().contains(wanted)) {
            pill.getStyleClass().removeAll(styleClasses());
            pill.getStyleClass().add(wanted);
        }
    }

    /** The width of the widest of {@code texts} in {@code font}. */
    static double widest(Font font, List<String> texts) {
        double max = 0;
        for (String t : texts) {
            Text probe = new Text(t);
            probe.setFont(font);
            max = Math.max(max, probe.getLayoutBounds().getWidth());
        }
        return Math.ceil(max);
    }

    /** {@code pref} of a pill showing {@code shown}, widened to fit the widest situation word. */
    static double fixedWidth(Labeled pill, double pref, String shown, Messages msg) {
        double now = widest(pill.getFont(), List.of(shown == null ? "" : shown));
        return pref - now + widest(pill.getFont(), words(msg));
    }
}
