package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.PauseReason;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The window's "Session" menu: the agent state (Ready, each pause reason, Offline) where the vendor lets the bar
 * change it, so a keyboard-only agent reaches it with Alt as well as with Tab; then change phone, follow-me,
 * queues, and log out.
 */
final class SessionMenu extends Menu {

    private final List<MenuItem> stateItems = new ArrayList<>();

    SessionMenu(BarViewModel vm, Messages msg, boolean distinguishesInternalNumbers, Runnable openQueues,
                Runnable logout) {
        setText(msg.get("menu.session"));
        setId("menuSession");
        MenuItem changePhone = commandItem(msg, "menuChangePhone", "menu.changePhone",
                vm.enabledProperty(CommandKind.IDENTIFY), vm.supportedProperty(CommandKind.IDENTIFY), vm::identify);
        MenuItem queues = commandItem(msg, "menuQueues", "menu.queues",
                Bindings.or(vm.enabledProperty(CommandKind.SUSPEND_QUEUE), vm.enabledProperty(CommandKind.RESUME_QUEUE)),
                Bindings.or(vm.supportedProperty(CommandKind.SUSPEND_QUEUE),
                        vm.supportedProperty(CommandKind.RESUME_QUEUE)), openQueues);
        MenuItem logoutItem = commandItem(msg, "menuLogout", "menu.logout", vm.enabledProperty(CommandKind.LOGOUT),
                vm.supportedProperty(CommandKind.LOGOUT), logout);
        getItems().addAll(changePhone, queues);
        getItems().addAll(FollowMeDialog.menuItems(vm, msg, distinguishesInternalNumbers));
        getItems().addAll(new SeparatorMenuItem(), logoutItem);
        if (vm.isSupported(CommandKind.SET_STATE)) {
            Runnable states = () -> {
                getItems().removeAll(stateItems);
                stateItems.clear();
                stateItems.addAll(StateSelector.menuItems(vm, msg, "menu-"));
                stateItems.add(new SeparatorMenuItem());
                getItems().addAll(0, stateItems);
            };
            vm.pauseReasons().addListener((ListChangeListener<PauseReason>) c -> states.run());
            states.run();
        }
    }

    private static MenuItem commandItem(Messages msg, String id, String key, ObservableBooleanValue enabledWhen,
                                        ObservableBooleanValue supportedWhen, Runnable action) {
        MenuItem item = new MenuItem(msg.get(key));
        item.setId(id);
        item.disableProperty().bind(Bindings.not(enabledWhen));
        item.visibleProperty().bind(supportedWhen);
        item.setOnAction(e -> {
            if (!item.isDisable()) action.run();
        });
        return item;
    }
}
