package dev.unibar.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.state.PrimaryActions.Action;
import dev.unibar.core.state.Situation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the agent sees, read from the bar's nodes the way the agent reads them: the pill's word and colour, the
 * text beside it, the call card, the primary row, the card's badges, the message strip; and which controls a
 * vendor does not offer at all.
 */
final class AgentSees {

    /** The agent actions of the table that have a slot in the primary row. */
    static final Map<String, Action> PRIMARY = Map.ofEntries(Map.entry("answer", Action.ANSWER),
            Map.entry("reject", Action.REJECT), Map.entry("hold", Action.HOLD), Map.entry("resume", Action.HOLD),
            Map.entry("mute", Action.MUTE), Map.entry("unmute", Action.MUTE), Map.entry("consult", Action.TRANSFER),
            Map.entry("complete", Action.COMPLETE_TRANSFER), Map.entry("hangup", Action.HANGUP),
            Map.entry("code", Action.CODES), Map.entry("ready", Action.READY));

    private final FxRobot robot;
    private final Map<String, String> colours;
    /** The bar's language: the words the agent reads. */
    private final Messages msg;

    AgentSees(FxRobot robot, Map<String, String> colours, Messages msg) {
        this.robot = robot;
        this.colours = colours;
        this.msg = msg;
    }

    /** Waits until the bar shows everything {@code see} lists; fails with what still differs. */
    void await(String what, JsonNode see, Set<Action> notOffered) {
        long end = System.nanoTime() + dev.unibar.testkit.Wait.bound(Duration.ofSeconds(10)).toNanos();
        List<String> wrong;
        do {
            wrong = Fx.get(() -> differences(see, notOffered));
            if (wrong.isEmpty()) return;
            org.testfx.util.WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        } while (System.nanoTime() < end);
        throw new AssertionError(what + ": the bar does not show what the table says: " + wrong + "; it shows "
                + Fx.get(this::describe));
    }

    /** On the FX thread. */
    List<String> differences(JsonNode see, Set<Action> notOffered) {
        List<String> out = new ArrayList<>();
        BarView bar = robot.lookup("#bar").query();
        if (see.has("pill")) pill(Situation.valueOf(see.get("pill").asText()), out);
        if (see.has("reason")) same(out, "reason beside the pill", see.get("reason").asText(), text(bar, "#stateReason"));
        if (see.has("card")) card(bar, see.get("card"), out);
        if (see.has("status")) {
            same(out, "call status", msg.get("call.status." + see.get("status").asText()), text(bar, "#callStatus"));
        }
        if (see.has("primary")) primary(bar, see.get("primary"), see.path("disabled"), notOffered, out);
        if (see.has("badges")) badges(bar, see.get("badges"), out);
        if (see.has("strip")) {
            String strip = text(bar, "#notice");
            if (!Pattern.compile(see.get("strip").asText(), Pattern.DOTALL).matcher(strip).matches()) {
                out.add("message strip \"" + strip + "\" does not match /" + see.get("strip").asText() + "/");
            }
        }
        if (see.has("says")) says(bar, see.get("says"), out);
        if (see.has("ended")) {
            same(out, "the card's last line", msg.get("callEnd." + see.get("ended").asText()), text(bar, "#callEndCause"));
        }
        if (see.has("missed")) {
            Node badge = bar.lookup("#missedCalls");
            if (badge == null || !badge.isVisible()) out.add("no missed-calls badge");
        }
        return out;
    }

    /** One line of what the bar shows now (for the run's log). On the FX thread. */
    String describe() {
        BarView bar = robot.lookup("#bar").query();
        Region pill = pillNode();
        List<String> row = new ArrayList<>();
        for (Slot s : bar.callControls().slots()) if (s.shown() != Action.NONE && s.isVisible()) row.add(s.shown().name());
        return "pill=" + (pill == null ? "-" : ((Labeled) pill).getText()) + " reason=" + text(bar, "#stateReason")
                + " card=" + text(bar, "#callNumber") + "/" + text(bar, "#callName") + " (" + text(bar, "#callStatus")
                + ") row=" + row
                + " strip=" + text(bar, "#notice");
    }

    private void pill(Situation s, List<String> out) {
        Region pill = pillNode();
        if (pill == null) {
            out.add("no state pill shown");
            return;
        }
        same(out, "pill word", msg.get("situation." + s.name()), ((Labeled) pill).getText());
        String cls = SituationLook.styleClass(s);
        if (!pill.getStyleClass().contains(cls)) out.add("pill style " + pill.getStyleClass() + " lacks " + cls);
        String want = colours.get(s.name());
        if (want != null) same(out, "pill colour of " + s, Color.web(want).toString(), face(pill).toString());
    }

    /** The pill the agent sees: with a menu where the vendor lets the bar change the state, else read-only. */
    Region pillNode() {
        for (String id : List.of("#stateSelector", "#stateReadOnly")) {
            Node n = robot.lookup(id).tryQuery().orElse(null);
            if (n != null && n.isVisible() && n.isManaged()) return (Region) n;
        }
        return null;
    }

    /** The colour drawn last, on top: the face (a theme's first fills are borders and focus rings). */
    static Paint face(Region r) {
        if (r.getBackground() == null || r.getBackground().getFills().isEmpty()) return Color.TRANSPARENT;
        var fills = r.getBackground().getFills();
        return fills.get(fills.size() - 1).getFill();
    }

    /**
     * The strip holds a sentence of the bundles in the session's language: {@code {bar: key, args: [..]}} (the
     * bar's words) or {@code {notice: key, args: [..]}} (a keyed vendor notice), so one table serves every language.
     */
    private void says(BarView bar, JsonNode want, List<String> out) {
        List<String> args = new ArrayList<>();
        if (want.has("args")) want.get("args").forEach(a -> args.add(a.asText()));
        String sentence = want.has("notice")
                ? dev.unibar.core.model.Notices.format(msg.bundle().getLocale(), want.get("notice").asText(), args)
                : msg.format(want.get("bar").asText(), args.toArray());
        String strip = text(bar, "#notice");
        if (!strip.contains(sentence)) out.add("message strip \"" + strip + "\" does not say \"" + sentence + "\"");
    }

    private static void card(BarView bar, JsonNode card, List<String> out) {
        boolean call = bar.lookup("#callNumber") != null && bar.lookup("#callNumber").isVisible()
                && !text(bar, "#callNumber").isEmpty();
        if (card.isTextual() && card.asText().equals("none")) {
            Node none = bar.lookup("#noCall");
            if (none == null || !none.isVisible()) out.add("a call is on the card: " + text(bar, "#callNumber"));
            return;
        }
        if (card.has("number")) same(out, "card number", card.get("number").asText(), call ? text(bar, "#callNumber") : "");
        if (card.has("name")) same(out, "card name", card.get("name").asText(), text(bar, "#callName"));
    }

    /** {@code wantDisabled}: the slots of {@code want} the table expects in their place but disabled. */
    private static void primary(BarView bar, JsonNode want, JsonNode wantDisabled, Set<Action> notOffered, List<String> out) {
        List<String> expected = new ArrayList<>();
        for (JsonNode a : want) if (!notOffered.contains(Action.valueOf(a.asText()))) expected.add(a.asText());
        Set<String> off = new TreeSet<>();
        wantDisabled.forEach(a -> off.add(a.asText()));
        List<String> shown = new ArrayList<>();
        for (Slot s : bar.callControls().slots()) {
            if (s.shown() == Action.NONE || !s.isVisible()) continue;
            shown.add(s.shown().name());
            boolean disabled = s.button(s.shown()).isDisabled();
            if (disabled && !off.contains(s.shown().name())) out.add(s.shown() + " shown but disabled");
            if (!disabled && off.contains(s.shown().name())) out.add(s.shown() + " enabled where the table says disabled");
        }
        same(out, "primary row", expected.toString(), shown.toString());
    }

    private static void badges(BarView bar, JsonNode want, List<String> out) {
        Set<String> expected = new TreeSet<>();
        want.forEach(b -> expected.add(b.asText()));
        Set<String> shown = new TreeSet<>();
        for (String b : List.of("held", "muted", "conference")) {
            Node n = bar.lookup("#" + b + "Badge");
            if (n != null && n.isVisible()) shown.add(b);
        }
        same(out, "badges", expected.toString(), shown.toString());
    }

    /**
     * The controls for an agent action the vendor cannot do, which the bar must not show at all (not merely
     * disable); empty when none is shown. On the FX thread.
     */
    List<String> controlsShownFor(String action) {
        BarView bar = robot.lookup("#bar").query();
        List<String> shown = new ArrayList<>();
        Action a = PRIMARY.get(action);
        if (a != null && offeredInRow(bar, a)) shown.add("the " + a + " button");
        switch (action) {
            case "signIn" -> ids(bar, shown, "#loginView", "#login");
            case "pair" -> ids(bar, shown, "#devicePicker", "#pairDevice");
            case "ready", "pause" -> ids(bar, shown, "#stateSelector");
            case "consult" -> ids(bar, shown, "#consult");
            case "conference" -> more(bar, shown, "conference");
            case "code" -> more(bar, shown, "moreAccountCode");
            case "dial" -> {
                if (bar.callControls().dialPadButton().isManaged()) shown.add("the dial pad button");
            }
            case "signOut" -> ids(bar, shown, "#logout");
            default -> {
            }
        }
        return shown;
    }

    private static boolean offeredInRow(BarView bar, Action a) {
        Node b = bar.callControls().button(a);
        return b != null && b.isManaged();
    }

    private void ids(BarView bar, List<String> shown, String... ids) {
        // In the bar's own window: another window (a closed vendor's, a pop-up) is not what this bar offers.
        for (String id : ids) {
            for (Node n : bar.getScene().getRoot().lookupAll(id)) {
                if (shown(n)) shown.add(id);
            }
        }
    }

    private static void more(BarView bar, List<String> shown, String id) {
        for (MenuItem i : bar.callControls().more().getItems()) {
            if (id.equals(i.getId())) shown.add("More → " + id);
        }
    }

    /** Visible and laid out, and so is every parent: the agent can see it. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible() || !p.isManaged()) return false;
        return true;
    }

    private static String text(Node root, String id) {
        Node n = root.lookup(id);
        if (n == null || !n.isVisible()) return "";
        String t = ((Labeled) n).getText();
        return t == null ? "" : t;
    }

    private static void same(List<String> out, String what, String want, String got) {
        if (!want.equals(got)) out.add(what + ": \"" + got + "\" where the table says \"" + want + "\"");
    }

    static String lower(Situation s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
