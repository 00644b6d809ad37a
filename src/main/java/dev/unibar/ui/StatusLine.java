package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.ConnectionStatus;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The top line: vendor, connection, agent, state selector, time in state, waiting callers, problems. */
final class StatusLine extends HBox {

    private static final PseudoClass EXCEEDED = PseudoClass.getPseudoClass("exceeded");

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
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Label connection = Ui.label("connectionStatus", "connection");
        connection.setGraphic(dot);
        vm.connectionProperty().addListener((o, a, b) -> showConnection(msg, connection, b));
        showConnection(msg, connection, vm.connectionProperty().get());

        Label agent = Ui.label("agentName", "agent-name");
        agent.textProperty().bind(vm.agentNameProperty());

        Label timeInState = Ui.readout("timeInState", "time-in-state", msg.get("state.timeInState"));
        timeInState.textProperty().bind(vm.timeInStateProperty());
        Ui.tip(timeInState, msg.get("state.timeInState"));

        // Where the vendor offers no way to change the state, the bar still shows it and says where it changes.
        Label stateReadOnly = Ui.label("stateReadOnly", "state-read-only");
        stateReadOnly.textProperty().bind(stateSelector.textProperty());
        Ui.tip(stateReadOnly, Bindings.createStringBinding(
                () -> msg.format("state.changeInVendorPanel", vm.vendorProperty().get()), vm.vendorProperty()));
        Ui.visible(stateReadOnly, Bindings.and(vm.supportedProperty(CommandKind.SET_STATE).not(),
                Bindings.isNotNull(vm.agentStateProperty())));
        // A pause or after-call work the vendor limits counts down; past the limit only its colour changes.
        StateCountdown countdown = new StateCountdown(vm, clock);
        Label pauseRemaining = Ui.readout("pauseRemaining", "pause-remaining", msg.get("state.pauseRemaining"));
        pauseRemaining.textProperty().bind(countdown.textProperty());
        var limit = Bindings.when(countdown.wrapUpProperty())
                .then(msg.get("state.wrapUpRemaining")).otherwise(msg.get("state.pauseRemaining"));
        Ui.tip(pauseRemaining, limit);
        pauseRemaining.accessibleTextProperty().bind(Bindings.concat(limit, ": ",
                pauseRemaining.textProperty()));
        countdown.exceededProperty().addListener((o, a, b) -> pauseRemaining.pseudoClassStateChanged(EXCEEDED, b));
        pauseRemaining.pseudoClassStateChanged(EXCEEDED, countdown.exceededProperty().get());
        Ui.visible(pauseRemaining, countdown.textProperty().isNotEmpty());

        Label waiting = Ui.label("waitingCallers", "waiting");
        waiting.setGraphic(Ui.icon(Material2MZ.PEOPLE));
        waiting.textProperty().bind(Bindings.createStringBinding(() -> {
            Integer n = vm.waitingCallersProperty().get();
            return n == null ? "" : msg.format("queue.waiting", n);
        }, vm.waitingCallersProperty()));
        Ui.visible(waiting, Bindings.createBooleanBinding(() -> {
            Integer n = vm.waitingCallersProperty().get();
            return n != null && n > 0;
        }, vm.waitingCallersProperty()));

        Label problems = Ui.label("problemCount", "problems");
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

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(vendorLabel, connection, agent, stateSelector, stateReadOnly, timeInState, pauseRemaining,
                waiting, spacer, missedBadge,
                problems, inspector, logoutButton);
        buttons = List.of(inspector, logoutButton);
        // Words are never cut short here: the two buttons give way first (icons only), then the window
        // stops shrinking (its minimum width is this line's).
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof javafx.scene.control.Control c) c.setMinWidth(USE_PREF_SIZE);
        }
        stateSelector.setMinWidth(USE_PREF_SIZE);
    }

    private final List<StableButton> buttons;
    private final MissedCalls missedCalls;

    /** Missed inbound calls, for tests. */
    MissedCalls missedCalls() {
        return missedCalls;
    }

    private double widthWithText() {
        return ButtonRow.widthWithText(this, getChildren());
    }

    @Override
    protected double computeMinWidth(double height) {
        return widthWithText() - ButtonRow.savedByIcons(buttons);
    }

    @Override
    protected void layoutChildren() {
        boolean compact = getWidth() + 0.5 < widthWithText();
        for (StableButton b : buttons) b.setCompact(compact);
        super.layoutChildren();
    }

    static String shortVendorName(Messages msg, String id) {
        return id == null ? "" : msg.getOr("vendor.short." + id, msg.vendorName(id));
    }

    private static void showConnection(Messages msg, Label l, ConnectionStatus c) {
        l.setText(c == null ? "" : msg.get("connection." + c.name()));
        l.getStyleClass().removeIf(s -> s.startsWith("conn-"));
        if (c != null) l.getStyleClass().add("conn-" + c.name().toLowerCase(Locale.ROOT));
    }
}
