package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.SessionPhase;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.List;
import java.util.Locale;

/**
 * The agent's state in colour and words, and the menu to change it (Ready, each pause reason, Offline).
 * The colour comes from one state style class; the base class {@code state-selector} always stays.
 */
final class StateSelector extends MenuButton {

    /** The style classes this control swaps; nothing else in its style class list is touched. */
    static final List<String> STATE_CLASSES = List.of("state-ready", "state-not-ready", "state-wrap-up",
            "state-offline", "state-unknown", "state-productive");

    private final BarViewModel vm;
    private final Messages msg;

    StateSelector(BarViewModel vm, Messages msg) {
        this.vm = vm;
        this.msg = msg;
        setId("stateSelector");
        getStyleClass().add("state-selector");
        setAccessibleHelp(msg.get("state.change"));
        disableProperty().bind(vm.enabledProperty(CommandKind.SET_STATE).not());
        Ui.visible(this, Bindings.and(vm.supportedProperty(CommandKind.SET_STATE),
                Bindings.isNotNull(vm.agentStateProperty()).or(
                        Bindings.equal(vm.phaseProperty(), SessionPhase.READY))));
        vm.agentStateProperty().addListener((o, a, b) -> update());
        vm.stateReasonLabelProperty().addListener((o, a, b) -> update());
        vm.stateProductiveProperty().addListener((o, a, b) -> update());
        vm.pauseReasons().addListener((ListChangeListener<PauseReason>) c -> rebuild());
        rebuild();
        update();
    }

    private void rebuild() {
        getItems().clear();
        getItems().add(item("state-READY", msg.get("state.READY"), vm::ready));
        if (vm.pauseReasons().isEmpty()) {
            getItems().add(item("state-NOT_READY", msg.get("state.NOT_READY"), () -> vm.pause(null)));
        } else {
            for (PauseReason r : vm.pauseReasons()) {
                String text = r.label() != null ? r.label() : r.id();
                boolean productive = Boolean.TRUE.equals(r.productive());
                if (productive) text = msg.format("state.reasonProductive", text);
                String id = r.id();
                MenuItem item = item("reason-" + safeId(id), text, () -> vm.pause(id));
                item.getStyleClass().add(productive ? "productive" : "unproductive");
                getItems().add(item);
            }
        }
        getItems().add(new SeparatorMenuItem());
        getItems().add(item("state-OFFLINE", msg.get("state.OFFLINE"), vm::offline));
    }

    private MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> {
            if (vm.isEnabled(CommandKind.SET_STATE)) action.run();
        });
        return item;
    }

    private static String safeId(String s) {
        return s == null ? "none" : s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private void update() {
        AgentState s = vm.agentStateProperty().get();
        String reason = vm.stateReasonLabelProperty().get();
        String text;
        if (s == null) text = msg.get("state.unknown");
        else if (s == AgentState.NOT_READY && reason != null && !reason.isBlank())
            text = msg.format("state.withReason", msg.get("state.NOT_READY"), reason);
        else text = msg.get("state." + s.name());
        setText(text);
        setAccessibleText(msg.format("state.accessible", text));
        getStyleClass().removeAll(STATE_CLASSES);
        getStyleClass().add(styleClass(s));
        if (s == AgentState.NOT_READY && Boolean.TRUE.equals(vm.stateProductiveProperty().get())) {
            getStyleClass().add("state-productive");
        }
    }

    static String styleClass(AgentState s) {
        return "state-" + (s == null ? "unknown" : s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
