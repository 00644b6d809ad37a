package dev.unibar.ui;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * How a keyboard-only agent does each action of the day in the bar: Tab to a control and Space, Enter in a field,
 * the arrows in a menu, the Ctrl+Shift shortcuts. A control Tab never reaches fails naming what Tab visited: that
 * is a finding (issue 20, "Keyboard first"), never a reason to click.
 */
final class AgentKeys {

    /** More presses than the bar has controls, vendor panel aside. */
    private static final int TABS = 60;

    private final FxRobot robot;

    AgentKeys(FxRobot robot) {
        this.robot = robot;
    }

    /** Plays one agent action of the table. */
    void play(AgentDay.Step s) {
        switch (s.agent()) {
            case "signIn" -> signIn(s.text("password"));
            case "pair" -> pair();
            case "ready" -> pillMenu("state-READY");
            case "pause" -> pillMenu("reason-" + s.text("reason").replaceAll("[^A-Za-z0-9_-]", "_"));
            case "answer", "reject" -> shortcutOrTab(s.agent());
            case "hold", "resume" -> shortcut(KeyCode.O);
            case "mute", "unmute" -> shortcut(KeyCode.M);
            case "hangup" -> shortcut(KeyCode.H);
            case "consult" -> {
                press("transfer");
                visible("transferTarget");
                tabTo("transferTarget");
                robot.write(s.text("to"));
                press("consult");
            }
            case "complete" -> press("completeTransfer");
            case "conference" -> {
                menuEntry("more", "conference");
                visible("conferenceParticipant");
                tabTo("conferenceParticipant");
                robot.write(s.text("to"));
                robot.type(KeyCode.ENTER);
            }
            case "code" -> {
                press("accountCode");
                visible("accountCodeField");
                tabTo("accountCodeField");
                robot.write(s.text("code"));
                robot.type(KeyCode.ENTER);
            }
            case "dial" -> {
                shortcut(KeyCode.D);
                visible("dialNumber");
                tabTo("dialNumber");
                robot.write(s.text("number"));
                robot.type(KeyCode.ENTER);
            }
            case "signOut" -> {
                press("logout");
                visible("logoutConfirm");
                tabTo("logoutConfirm");
                robot.type(KeyCode.SPACE);
            }
            default -> throw new IllegalArgumentException("no keyboard route for the agent action " + s.agent());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void signIn(String password) {
        visible("loginView");
        tabTo("password");
        robot.write(password);
        robot.type(KeyCode.ENTER);
    }

    private void pair() {
        Fx.until("phones listed", () -> robot.lookup("#deviceList").tryQuery()
                .map(n -> n.isVisible() && !((ListView<?>) n).getItems().isEmpty()).orElse(false));
        tabTo("deviceList");
        robot.type(KeyCode.HOME);
        press("pairDevice");
    }

    private void shortcutOrTab(String action) {
        if (action.equals("answer")) shortcut(KeyCode.A);
        else press(action);
    }

    void shortcut(KeyCode k) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(k).release(KeyCode.SHIFT, KeyCode.CONTROL);
    }

    /** Tab to the control, then Space. */
    void press(String id) {
        tabTo(id);
        robot.type(KeyCode.SPACE);
    }

    /** The pill's menu: Tab to the pill, Space opens it, Down to the entry, Enter. */
    private void pillMenu(String itemId) {
        menuEntry("stateSelector", itemId);
    }

    private void menuEntry(String buttonId, String itemId) {
        press(buttonId);
        Fx.until("menu entry " + itemId + " shown", () -> robot.lookup("#" + itemId).match(NodeQueryUtils.isVisible())
                .tryQuery().isPresent());
        for (int i = 0; i < 20 && !Fx.get(() -> focused(itemId)); i++) {
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (!Fx.get(() -> focused(itemId))) throw new AssertionError("the arrows never reach the menu entry " + itemId);
        robot.type(KeyCode.ENTER);
    }

    private boolean focused(String id) {
        return robot.lookup("#" + id).match(NodeQueryUtils.isVisible()).tryQuery().map(Node::isFocused).orElse(false);
    }

    private void visible(String id) {
        Fx.until(id + " shown", () -> robot.lookup("#" + id).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
    }

    /**
     * Tab until the keyboard is on {@code id} in the window that has it; fails with the controls Tab visited
     * when it never gets there.
     */
    void tabTo(String id) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i <= TABS; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            String owner = Fx.get(AgentKeys::focusOwner);
            if (id.equals(owner)) {
                if (i > 0) System.out.println("agent-day keys: #" + id + " after " + i + " Tab(s) via " + seen);
                return;
            }
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(owner)) seen.add(owner);
            robot.type(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reaches #" + id + " (not reachable by keyboard); Tab visited " + seen);
    }

    /**
     * The id of the keyboard's node (its nearest ancestor with an id): in the topmost pop-up of the focused window
     * when one is showing (the window passes its keys to it, as to a menu), else in the focused window.
     */
    static String focusOwner() {
        List<Window> windows = new ArrayList<>(Window.getWindows());
        java.util.Collections.reverse(windows);
        for (Window w : windows) {
            if (w instanceof javafx.stage.PopupWindow p && p.isShowing() && ownedByFocused(p) && w.getScene() != null) {
                return idOf(w.getScene().getFocusOwner());
            }
        }
        for (Window w : windows) {
            if (w.isFocused() && w.getScene() != null) return idOf(w.getScene().getFocusOwner());
        }
        return "no focused window";
    }

    private static boolean ownedByFocused(javafx.stage.PopupWindow p) {
        Window o = p.getOwnerWindow();
        while (o instanceof javafx.stage.PopupWindow q) o = q.getOwnerWindow();
        return o != null && o.isFocused();
    }

    private static String idOf(Node n) {
        while (n != null && n.getId() == null) n = n.getParent();
        return n == null ? "none" : n.getId();
    }
}
