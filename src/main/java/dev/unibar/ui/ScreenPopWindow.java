package dev.unibar.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.net.URI;
import java.util.function.Function;

/**
 * The bar's own screen-pop window: each popped page in a tab (newest selected, the oldest closed past
 * {@link #MAX_TABS}). It opens beside the bar and never takes the keyboard from it: while a call rings the
 * agent's Space or Enter must still reach the bar, so after showing the window the focus goes back to
 * whichever bar window had it. The pages get no bridge to the bar: they are the CRM's, nothing more.
 */
final class ScreenPopWindow {

    static final int MAX_TABS = 8;

    private final Window owner;
    private final Messages msg;
    private final String stylesheet;
    private final Function<String, Node> page;
    private final TabPane tabs = new TabPane();
    private Stage stage;
    /** The bar window that had the keyboard when this window was shown, until it has it back. */
    private Window returnFocusTo;

    ScreenPopWindow(Window owner, Messages msg, String stylesheet) {
        this(owner, msg, stylesheet, ScreenPopWindow::webView);
    }

    /** @param page what shows a URL (a WebView; tests give a stand-in) */
    ScreenPopWindow(Window owner, Messages msg, String stylesheet, Function<String, Node> page) {
        this.owner = owner;
        this.msg = msg;
        this.stylesheet = stylesheet;
        this.page = page;
        tabs.setId("screenPopTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        // Focus on the tabs would mean keys meant for the bar land here.
        tabs.setFocusTraversable(false);
    }

    private static Node webView(String url) {
        WebView v = new WebView();
        v.setContextMenuEnabled(false);
        v.getEngine().load(url);
        return v;
    }

    /** Opens {@code url} in a new tab; safe from any thread. Only http and https pages are opened. */
    void open(String url) {
        if (url == null || !(url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8))) return;
        if (Platform.isFxApplicationThread()) show(url);
        else Platform.runLater(() -> show(url));
    }

    private void show(String url) {
        Tab tab = new Tab(tabTitle(url), page.apply(url));
        tab.setId("screenPopTab");
        tab.setTooltip(Ui.tooltip(url));
        tabs.getTabs().add(tab);
        while (tabs.getTabs().size() > MAX_TABS) tabs.getTabs().remove(0);
        tabs.getSelectionModel().select(tab);
        if (stage == null) stage = makeStage();
        if (!stage.isShowing()) {
            Window focused = focusedWindow();
            returnFocusTo = focused;
            stage.show();
            InspectorView.placeBeside(stage, owner);
            if (focused != null) focused.requestFocus();
            // The desktop activates a new window after show() returns; the window gives the keyboard back
            // when that happens. Only just after showing: later the agent may click into it on purpose.
            PauseTransition settle = new PauseTransition(Duration.seconds(1));
            settle.setOnFinished(e -> returnFocusTo = null);
            settle.play();
        }
    }

    private Stage makeStage() {
        Stage s = new Stage();
        s.setTitle(msg.get("screenPop.title"));
        if (owner != null) s.initOwner(owner);
        s.getIcons().setAll(UnibarApp.icons());
        Scene scene = new Scene(tabs, 900, 600);
        if (stylesheet != null) scene.getStylesheets().add(stylesheet);
        s.setScene(scene);
        s.focusedProperty().addListener((o, was, now) -> {
            Window back = returnFocusTo;
            if (now && back != null && back.isShowing()) {
                returnFocusTo = null;
                Platform.runLater(back::requestFocus);
            }
        });
        // Closing the window drops its pages; the next pop opens it afresh.
        s.setOnHidden(e -> tabs.getTabs().clear());
        return s;
    }

    /** The window of the app that has the keyboard now (the bar, or its incoming-call pop-up). */
    private static Window focusedWindow() {
        for (Window w : Window.getWindows()) if (w.isFocused()) return w;
        return null;
    }

    private static String tabTitle(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    TabPane tabs() {
        return tabs;
    }

    Stage stage() {
        return stage;
    }
}
