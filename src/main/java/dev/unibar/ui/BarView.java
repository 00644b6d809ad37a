package dev.unibar.ui;

import dev.unibar.core.LoginForm;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.function.Function;

/**
 * The compact bar, put together from parts with one job each: {@link StatusLine} (the agent's situation in one
 * pill and colour, {@link StateSelector}), the login form or device picker while the session needs them, the
 * {@link CallCard} and the primary row ({@link CallControls}: the actions that fit the moment in fixed slots,
 * the dial pad, "More"), the {@link MessageStrip}, the pop-overs, and the vendor's own bar in a collapsible
 * panel. Every control binds to {@link BarViewModel}: disabled when the guard forbids, absent when the vendor
 * lacks the command. Controls carry stable CSS ids for tests.
 * <p>
 * One width from the first frame to the end of the session (docs/decisions/0044): the bar's preferred width is
 * its status line's and its call panel's (made with the bar for that reason), never the vendor page's or a
 * message's; after the first frame only its height follows the phase and the vendor panel. More panels (a CRM's
 * disposition, a pairing prompt) go in {@link #extraPanels()}, between the call panel and the message strip.
 */
public final class BarView extends VBox {

    private final BarViewModel vm;
    private final Messages msg;
    private final Runnable openInspector;
    private final LoginView loginView;
    private final List<Node> forms;
    private final StatusLine statusLine;
    private final PhasePane content = new PhasePane();
    private final VBox extraPanels = new VBox(6);
    private final CallControls controls;
    private final CallCard card;
    private final PopOvers popOvers;
    private final Shortcuts shortcuts;
    private final SessionMenu sessionMenu;
    private final TitledPane vendorPanel = new TitledPane();
    private final boolean pageInBar;
    private Alert confirmation;
    private Function<Window, File> folderChooser;

    /**
     * @param form what the vendor's login asks for, and whether dialing, transferring and conferencing offer
     *             an "internal extension" check box (see {@link BarContext#loginForm()})
     */
    public BarView(BarViewModel vm, Messages msg, LoginForm form, Node vendorNode, Runnable openInspector) {
        LoginMode loginMode = form.vendorPage() ? LoginMode.VENDOR_PAGE : LoginMode.NATIVE;
        boolean internalNumbers = form.distinguishesInternalNumbers();
        this.vm = vm;
        this.msg = msg;
        this.openInspector = openInspector;
        setId("bar");
        getStyleClass().add("bar");
        folderChooser = w -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(msg.get("recording.chooseFolder"));
            return c.showDialog(w);
        };

        statusLine = new StatusLine(vm, msg, new StateSelector(vm, msg), openInspector, this::logout);

        loginView = new LoginView(vm, msg, form.deviceTypes());
        loginView.showDemo(form.demo());
        Ui.visible(loginView, Bindings.createBooleanBinding(
                () -> loginMode == LoginMode.NATIVE && vm.phaseProperty().get() == SessionPhase.CREDENTIALS,
                vm.phaseProperty()));
        DevicePickerView picker = new DevicePickerView(vm, msg);
        boolean picksDevice = vm.isSupported(CommandKind.SELECT_DEVICE) || vm.isSupported(CommandKind.PROVISION)
                || vm.isSupported(CommandKind.IDENTIFY);
        Ui.visible(picker, Bindings.createBooleanBinding(() -> {
            SessionPhase p = vm.phaseProperty().get();
            return picksDevice && (p == SessionPhase.DEVICE_SELECTION || p == SessionPhase.DEVICE_PAIRED);
        }, vm.phaseProperty()));

        popOvers = new PopOvers(vm, msg, internalNumbers);
        sessionMenu = new SessionMenu(vm, msg, internalNumbers, this::openQueues, this::logout);

        // The call panel is made with the bar: its row sets the bar's width from the first frame (the pop-overs
        // stay lazy, decision 0025).
        card = new CallCard(vm, msg);
        controls = new CallControls(vm, msg, card, new CallControls.Openers() {
            @Override public void transfer() { openTransfer(); }
            @Override public void conference() { openConference(); }
            @Override public void dialPad() { openDialPad(); }
            @Override public void accountCode() { openAccountCode(); }
            @Override public void downloadRecording() { BarView.this.downloadRecording(); }
            @Override public void pickup() { popOvers.pickup(controls.more()); }
            @Override public void callData() { popOvers.callData(controls.more()); }
        });
        VBox callPanel = new VBox(6, card, controls, new QueuedCallsView(vm, msg, this::refit));
        callPanel.setId("callPanel");
        Ui.visible(callPanel, Bindings.equal(vm.phaseProperty(), SessionPhase.READY));
        content.getChildren().add(callPanel);
        shortcuts = new Shortcuts(vm, this::openDialPad, this::openInspector);

        MessageStrip notice = new MessageStrip(vm, msg);
        extraPanels.setId("extraPanels");
        Ui.visible(extraPanels, Bindings.isNotEmpty(extraPanels.getChildren()));

        pageInBar = holdsAWebPage(vendorNode);
        vendorPanel.setId("vendorPanel");
        vendorPanel.setText(msg.get("vendor.panel"));
        if (vendorNode instanceof Parent page) Theme.asTheVendorMadeIt(page);
        vendorPanel.setContent(vendorNode);
        // No animation: the window refits to the panel's final size, not to a frame in between.
        vendorPanel.setAnimated(false);
        vendorPanel.setExpanded(loginMode == LoginMode.VENDOR_PAGE);
        vendorPanel.setVisible(vendorNode != null);
        vendorPanel.setManaged(vendorNode != null);
        if (vendorNode != null && loginMode == LoginMode.VENDOR_PAGE) {
            // The vendor page is where this vendor's login happens: open it whenever the login is due.
            vm.phaseProperty().addListener((o, a, b) -> {
                if (b == SessionPhase.CREDENTIALS) vendorPanel.setExpanded(true);
            });
        }
        VBox.setVgrow(vendorPanel, Priority.ALWAYS);

        // Only the phase (login form, device picker, call panel) and the vendor panel change the bar's height;
        // calls and messages never do, so a call arriving does not resize the window (or close an open menu).
        vm.phaseProperty().addListener((o, a, b) -> refit());
        vendorPanel.expandedProperty().addListener((o, a, b) -> refit());
        extraPanels.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> refit());

        // The login form and device picker are hidden in the first frame (the session is still connecting):
        // out of the scene until soon after it, their text fields and list skip the first CSS pass.
        forms = List.of(loginView, picker);
        if (formsDue(vm.phaseProperty().get())) attachForms();
        vm.phaseProperty().addListener((o, a, b) -> {
            if (formsDue(b)) attachForms();
        });
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene a, Scene scene) {
                if (scene == null) return;
                o.removeListener(this);
                NextFrame.then(scene, () -> Platform.runLater(BarView.this::attachForms));
                FocusKeeper.attach(scene);
            }
        });
        setSpacing(6);
        getChildren().addAll(statusLine, content, extraPanels, notice, vendorPanel);
    }

    private static boolean formsDue(SessionPhase p) {
        return p == SessionPhase.CREDENTIALS || p == SessionPhase.DEVICE_SELECTION || p == SessionPhase.DEVICE_PAIRED;
    }

    /**
     * Puts the login form and device picker into the bar, once. Appended, after the call panel: the three are
     * never shown together (each belongs to its own phase), and inserting in front of a parent's children made
     * JavaFX's bounds cache fail in tests (IndexOutOfBoundsException in Parent.updateCachedBounds).
     */
    private void attachForms() {
        if (forms.get(0).getParent() == content) return;
        content.getChildren().addAll(forms);
    }

    /**
     * The bar's own width: its status line's and its call panel's, never a message's; with the vendor's page in
     * the bar, at least the room a WebView asks for ({@link #PAGE_ROOM}), known from the first frame even though
     * the WebView is made after it (decision 0026).
     */
    @Override
    protected double computePrefWidth(double height) {
        double w = Math.max(statusLine.prefWidth(-1), content.prefWidth(-1));
        if (pageInBar) w = Math.max(w, PAGE_ROOM);
        return snappedLeftInset() + w + snappedRightInset();
    }

    /** The width a WebView asks for by default: what the vendors' pages have been shown in. */
    static final double PAGE_ROOM = 800;

    /** The vendor's WebView, or the empty place it will be made in after the first frame (a browser's panel is neither). */
    private static boolean holdsAWebPage(Node n) {
        if (n instanceof javafx.scene.web.WebView) return true;
        return n instanceof StackPane p && (p.getChildren().isEmpty() || p.getChildren().get(0) instanceof javafx.scene.web.WebView);
    }

    /** Mounts a self-contained part (the CRM link's panels) under the call panel, above the message strip. */
    public void mountBelowCalls(Node panel) {
        extraPanels.getChildren().add(panel);
    }

    /** Fits the window's height to the bar again; its width stays (one width per session). */
    void refit() {
        // After the pass that lays out the new content, so the window gets its new preferred height.
        Platform.runLater(() -> {
            if (getScene() == null || getScene().getWindow() == null) return;
            Parent root = getScene().getRoot();
            // The window's width as it is now (the agent may have resized it): only the height is the content's.
            // Both through sizeToScene: a height set alone reached GTK with no width ("width > 0" failed).
            if (root instanceof javafx.scene.layout.Region r) r.setPrefWidth(getScene().getWidth());
            root.applyCss();
            root.layout();
            getScene().getWindow().sizeToScene();
        });
    }

    /** Where more panels go (a CRM's disposition, a pairing prompt): between the call panel and the messages. */
    public VBox extraPanels() {
        return extraPanels;
    }

    /** The pop-overs' contents, for the test that no text is hard-coded (makes every pop-over not made yet). */
    List<Node> popoverContents() {
        return popOvers.contents();
    }

    /** How many pop-overs have been made so far, for the test that the bar makes none up front. */
    int popOversMade() {
        return popOvers.made();
    }

    StatusLine statusLine() {
        return statusLine;
    }

    /** The primary row, for the layout tests. */
    CallControls callControls() {
        return controls;
    }

    /** The "Session" menu for the window's menu bar. */
    public Menu sessionMenu() {
        return sessionMenu;
    }

    private void downloadRecording() {
        if (!vm.isEnabled(CommandKind.DOWNLOAD_RECORDING)) return;
        if (vm.recordingsFolderConfigured()) {
            vm.downloadRecordingToConfiguredFolder();
            return;
        }
        File folder = folderChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (folder != null) vm.downloadRecording(folder.getAbsolutePath());
    }

    /** Tests and the lead may replace the native folder dialog. */
    public void setFolderChooser(Function<Window, File> chooser) {
        this.folderChooser = chooser;
    }

    public void openTransfer() {
        popOvers.transfer(controls.transferButton());
    }

    public void openDialPad() {
        popOvers.dialPad(controls.dialPadButton());
    }

    public void openConference() {
        popOvers.conference(controls.more());
    }

    /** Opened from the Session menu, so it points at the status line. */
    public void openQueues() {
        popOvers.queues(statusLine);
    }

    /** Below the row's codes button in after-call work, below "More" during a call. */
    public void openAccountCode() {
        StableButton codes = controls.accountCodeButton();
        popOvers.accountCode(codes.isVisible() ? codes : controls.more());
    }

    /**
     * Logs out only after the agent confirms: a Space on a focused Log out must never end the session at once.
     * The question says so when a call is still on the line.
     */
    public void logout() {
        if (!vm.isEnabled(CommandKind.LOGOUT)) return;
        if (confirmation != null && confirmation.isShowing()) return;
        boolean call = vm.hasCalls();
        confirmation = Confirm.ask(this, msg, "logoutConfirmation", "logout.confirm",
                call ? "logout.confirm.header" : "logout.confirm.idleHeader",
                call ? "logout.confirm.text" : "logout.confirm.idleText", () -> {
                    if (vm.isEnabled(CommandKind.LOGOUT)) vm.logout();
                });
    }

    /** True when quitting would drop a session or a call: then quitting asks first. */
    public boolean quitDropsSomething() {
        SessionPhase p = vm.phaseProperty().get();
        return vm.hasCalls() || (p != null && p != SessionPhase.CONNECTING && p != SessionPhase.CREDENTIALS);
    }

    /** Quits ({@code quit}) at once when nothing would be dropped, else after the agent confirms. */
    public void quit(Runnable quit) {
        if (!quitDropsSomething()) {
            quit.run();
            return;
        }
        if (confirmation != null && confirmation.isShowing()) return;
        boolean call = vm.hasCalls();
        confirmation = Confirm.ask(this, msg, "quitConfirmation", "quit.confirm",
                call ? "quit.confirm.callHeader" : "quit.confirm.header",
                call ? "quit.confirm.callText" : "quit.confirm.text", quit);
    }

    private void openInspector() {
        if (openInspector != null) openInspector.run();
    }

    /** Ctrl+Shift shortcuts on this scene; each acts only when its command is allowed right now. */
    public void installShortcuts(Scene scene) {
        shortcuts.install(scene);
    }

    /** A customer lookup is configured: the call card keeps a place for its picture (where the vendor takes one). */
    public void setLookupPictures(boolean on) {
        card.showPictures(on);
    }

    /** The wrap-up (account) codes the agent picks from; a typed code is always accepted as well. */
    public void setAccountCodes(List<String> codes) {
        popOvers.setAccountCodes(codes);
    }

    /** The account-code pop-over (made now if it was not yet), for tests. */
    AccountCodePopOver accountCodePopOver() {
        return popOvers.accountCodePopOver();
    }

    /** Pre-fills the native login form from configuration. */
    public void prefillLogin(LoginDefaults defaults) {
        loginView.prefill(defaults);
    }

    /** Kept for the views that used the old helper; new code uses {@link Ui#visible}. */
    static void visible(Node n, javafx.beans.value.ObservableBooleanValue when) {
        Ui.visible(n, when);
    }
}
