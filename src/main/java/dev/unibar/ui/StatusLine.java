package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.ConnectionStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The top line: vendor, connection, agent, state selector, time in state, waiting callers, problems. */
final class StatusLine extends HBox {

    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    /** Marks a text that may be shortened ("…") when the window is narrow: the tooltip then holds it whole. */
    static final String MAY_SHORTEN = "may-shorten";

    StatusLine(BarViewModel vm, Messages msg, StateSelector stateSelector, Runnable openInspector, Runnable logout) {
        this(vm, msg, stateSelector, openInspector, logout, Clock.systemUTC());
    }

    StatusLine(BarViewModel vm, Messages msg, StateSelector stateSelector, Runnable openInspector, Runnable logout,
               Clock clock) {
        super(8);
        setId("statusLine");
        getStyleClass().add("status-line");
        setAlignment(Pos.CENTER_LEFT);

        Label vendorLabel = Ui.label("vendorName", "vendor");
        // The vendor as agents call it (short: the line has little room), the product's full name in the tooltip.
        vendorLabel.textProperty().bind(Bindings.createStringBinding(() -> shortVendorName(msg, vm.vendorProperty().get()),
                vm.vendorProperty()));
        Ui.tip(vendorLabel, msg.vendorName(vm.vendorProperty().get()));
        // The connection as a dot only: its word beside an "Offline" pill read as a contradiction ("Conectado"
        // next to "Desconectado"); the pill says "Not known" whenever the connection is not up.
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Label connection = Ui.label("connectionStatus", "connection");
        connection.setGraphic(dot);
        connection.setFocusTraversable(false);
        ReadOnlyStringWrapper connectionWord = new ReadOnlyStringWrapper("");
        vm.connectionProperty().addListener((o, a, b) -> showConnection(msg, connection, connectionWord, b));
        showConnection(msg, connection, connectionWord, vm.connectionProperty().get());
        Ui.tip(connection, connectionWord.getReadOnlyProperty());

        Label agent = Ui.label("agentName", "agent-name");
        agent.getStyleClass().add(MAY_SHORTEN);
        agent.textProperty().bind(vm.agentNameProperty());
        Ui.tip(agent, vm.agentNameProperty());

        // Where the vendor offers no way to change the state, the same pill without its menu.
        SituationLabel stateReadOnly = new SituationLabel(vm, msg);

        // One timer for every situation: time in it, or the time left of a limit the vendor set, counting down
        // to zero and then over it in red. As wide as its widest text, so nothing after it moves.
        Label timer = new Label();
        timer.setId("timeInState");
        timer.getStyleClass().add("time-in-state");
        timer.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        timer.textProperty().bind(vm.timeInStateProperty());
        var meaning = Bindings.when(vm.timerCountsDownProperty())
                .then(Bindings.when(vm.situationProperty().isEqualTo(dev.unibar.core.state.Situation.WRAP_UP))
                        .then(msg.get("state.wrapUpRemaining")).otherwise(msg.get("state.pauseRemaining")))
                .otherwise(msg.get("state.timeInState"));
        Ui.tip(timer, meaning);
        timer.accessibleTextProperty().bind(Bindings.concat(meaning, ": ", timer.textProperty()));
        vm.timerOverProperty().addListener((o, a, b) -> timer.pseudoClassStateChanged(OVER, b));
        timer.pseudoClassStateChanged(OVER, vm.timerOverProperty().get());
        timer.setMinWidth(USE_PREF_SIZE);
        // Its place is as wide as the widest time ("+00:00:00"), whatever it shows now: nothing after it moves.
        StackPane timerPlace = new StackPane(timer) {
            @Override
            protected double computePrefWidth(double height) {
                return timer.snappedLeftInset() + SituationLook.widest(timer.getFont(), List.of("+00:00:00"))
                        + timer.snappedRightInset();
            }

            @Override
            protected double computeMinWidth(double height) {
                return computePrefWidth(height);
            }
        };
        timerPlace.setId("timerPlace");
        timerPlace.setAlignment(Pos.CENTER_LEFT);

        Label reason = Ui.label("stateReason", "state-reason");
        reason.getStyleClass().add(MAY_SHORTEN);
        reason.textProperty().bind(Bindings.createStringBinding(
                () -> SituationLook.reason(msg, vm.presentationProperty().get()), vm.presentationProperty()));
        Ui.tip(reason, reason.textProperty());

        Label waiting = Ui.label("waitingCallers", "waiting");
        waiting.getStyleClass().add(MAY_SHORTEN);
        waiting.setGraphic(Ui.icon(Material2MZ.PEOPLE));
        waiting.textProperty().bind(Bindings.createStringBinding(() -> {
            Integer n = vm.waitingCallersProperty().get();
            return n == null ? "" : msg.format("queue.waiting", n);
        }, vm.waitingCallersProperty()));
        Ui.tip(waiting, waiting.textProperty());
        Ui.visible(waiting, Bindings.createBooleanBinding(() -> {
            Integer n = vm.waitingCallersProperty().get();
            return n != null && n > 0;
        }, vm.waitingCallersProperty()));

        // Follow-me the agent set stays in sight until cancelled (Session → Cancel follow-me).
        Label followMe = Ui.label("followMeActive", "waiting");
        followMe.getStyleClass().add(MAY_SHORTEN);
        followMe.setGraphic(Ui.icon(Material2MZ.PHONE_FORWARDED));
        followMe.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.stateProperty().get();
            return s == null || s.followMe() == null ? "" : msg.format("followMe.active", String.join(", ", s.followMe()));
        }, vm.stateProperty()));
        Ui.tip(followMe, msg.get("followMe.hint"));
        Ui.visible(followMe, followMe.textProperty().isNotEmpty());

        Label problems = Ui.label("problemCount", "problems");
        problems.getStyleClass().add(MAY_SHORTEN);
        problems.textProperty().bind(Bindings.createStringBinding(
                () -> msg.format("bar.problems", vm.malformedCountProperty().get(), vm.droppedCountProperty().get()),
                vm.malformedCountProperty(), vm.droppedCountProperty()));
        Ui.visible(problems, vm.malformedCountProperty().greaterThan(0).or(vm.droppedCountProperty().greaterThan(0)));

        StableButton inspector = new StableButton(msg.get("button.inspector"));
        inspector.setId("openInspector");
        inspector.getStyleClass().add("small");
        inspector.setIcon(Material2AL.BUG_REPORT);
        inspector.setOnAction(e -> {
            if (openInspector != null) openInspector.run();
        });
        Ui.tip(inspector, msg.get("shortcut.inspector"));
        inspector.setAccessibleText(msg.get("shortcut.inspector"));
        Ui.visible(inspector, new javafx.beans.property.SimpleBooleanProperty(openInspector != null));

        StableButton logoutButton = Ui.commandButton(msg, "logout", "button.logout", Material2AL.EXIT_TO_APP, null,
                vm.enabledProperty(CommandKind.LOGOUT), vm.supportedProperty(CommandKind.LOGOUT), logout);
        logoutButton.getStyleClass().add("small");

        // Right after the spacer: when it appears, the spacer gives way and nothing else moves.
        missedCalls = new MissedCalls(vm, clock);
        MissedCallsBadge missedBadge = new MissedCallsBadge(vm, msg, missedCalls);
        missedBadge.getStyleClass().add(MAY_SHORTEN);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The pill first, where it never moves (the agent's name arrives with the sign-in: it goes on the right).
        getChildren().addAll(vendorLabel, connection, stateSelector, stateReadOnly, timerPlace, reason,
                waiting, followMe, spacer, missedBadge, problems, agent, inspector, logoutButton);
        buttons = List.of(inspector, logoutButton);
        // Nothing here changes the window's width: the texts that come and go (the agent's name, the reason, the
        // waiting callers, the missed calls) give way first ("…", whole in their tooltips), then the two buttons
        // show their icons alone; the pill and the timer keep their widths.
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof javafx.scene.control.Control c && !c.getStyleClass().contains(MAY_SHORTEN)) {
                c.setMinWidth(USE_PREF_SIZE);
            }
        }
    }

    private final List<StableButton> buttons;
    private final MissedCalls missedCalls;

    /** Missed inbound calls, for tests. */
    MissedCalls missedCalls() {
        return missedCalls;
    }

    /**
     * The line's width with every shown part at its preferred width and the buttons' words, or ({@code narrowest})
     * with every part at its minimum and the buttons as icons.
     */
    private double measured(boolean narrowest) {
        double w = snappedLeftInset() + snappedRightInset();
        int shown = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (!n.isManaged()) continue;
            if (n instanceof StableButton b) w += narrowest ? b.widthIconOnly() : b.widthWithText();
            else w += narrowest ? n.minWidth(-1) : n.prefWidth(-1);
            shown++;
        }
        return w + Math.max(0, shown - 1) * getSpacing();
    }

    @Override
    protected double computeMinWidth(double height) {
        return measured(true);
    }

    @Override
    protected void layoutChildren() {
        boolean compact = getWidth() + 0.5 < measured(false);
        for (StableButton b : buttons) b.setCompact(compact);
        super.layoutChildren();
    }

    static String shortVendorName(Messages msg, String id) {
        return id == null ? "" : msg.getOr("vendor.short." + id, msg.vendorName(id));
    }

    private static void showConnection(Messages msg, Label l, ReadOnlyStringWrapper word, ConnectionStatus c) {
        word.set(c == null ? "" : msg.get("connection." + c.name()));
        l.setAccessibleText(word.get());
        l.getStyleClass().removeIf(s -> s.startsWith("conn-"));
        if (c != null) l.getStyleClass().add("conn-" + c.name().toLowerCase(Locale.ROOT));
    }
}
