package dev.unibar.ui;

import dev.unibar.core.LoginForm;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TitledPane;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.function.Function;

/**
 * The compact bar, put together from parts with one job each: {@link StatusLine} (with the
 * {@link StateSelector}), the login form or device picker while the session needs them, the
 * {@link CallCard} and {@link CallControls}, the {@link MessageStrip}, the pop-overs, and the vendor's
 * own bar in a collapsible panel. Every control binds to {@link BarViewModel}: disabled when the guard
 * forbids, hidden when the vendor lacks the command. Controls carry stable CSS ids for tests.
 * <p>
 * The call panel is made when the session first is ready and each pop-over when first opened (by its
 * button, menu item or shortcut), not with the bar: the first frame shows neither, and made up front
 * they cost the window about a third of a second on every start, much of it in its first CSS pass.
 */
public final class BarView extends VBox {

    private final BarViewModel vm;
    private final Messages msg;
    private final Runnable openInspector;
    private final LoginView loginView;
    private final List<Node> forms;
    private final StatusLine statusLine;
    private final StackPane content;
    // The call panel is made when the session first is ready (or something asks for it), not with the bar:
    // a start shows the login or the vendor's page first, and the panel's controls cost its first frame.
    private CallControls controls;
    private CallExtras extras;
    // Made on first use, not with the bar: none of them is in the first frame (see Lazy).
    private final Lazy<TransferPopOver> transferPopOver;
    private final Lazy<DialPadPopOver> dialPopOver;
    private final Lazy<AccountCodePopOver> accountPopOver;
    private final Lazy<ConferencePopOver> conferencePopOver;
    private final Lazy<QueuePopOver> queuePopOver;
    private List<String> accountCodes = List.of();
    private final Shortcuts shortcuts;
    private final Menu sessionMenu = new Menu();
    private final TitledPane vendorPanel = new TitledPane();
    private Alert logoutConfirmation;
    private Function<Window, File> folderChooser;

    /**
     * @param form what the vendor's login asks for, and whether dialing, transferring and conferencing offer
     *             an "internal extension" check box (see {@link BarContext#loginForm()})
     */
    public BarView(BarViewModel vm, Messages msg, LoginForm form, Node vendorNode, Runnable openInspector) {
        LoginMode loginMode = form.vendorPage() ? LoginMode.VENDOR_PAGE : LoginMode.NATIVE;
        boolean distinguishesInternalNumbers = form.distinguishesInternalNumbers();
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

        transferPopOver = new Lazy<>(() -> new TransferPopOver(vm, msg, distinguishesInternalNumbers,
                Favourites.forUser(vm.vendorProperty().get())));
        dialPopOver = new Lazy<>(() -> new DialPadPopOver(vm, msg, distinguishesInternalNumbers));
        accountPopOver = new Lazy<>(() -> {
            AccountCodePopOver p = new AccountCodePopOver(vm, msg);
            p.setCodes(accountCodes);
            return p;
        });
        conferencePopOver = new Lazy<>(() -> new ConferencePopOver(vm, msg, distinguishesInternalNumbers));
        queuePopOver = new Lazy<>(() -> new QueuePopOver(vm, msg));

        buildSessionMenu(distinguishesInternalNumbers);
        shortcuts = new Shortcuts(vm, this::openDialPad, this::openInspector);

        MessageStrip notice = new MessageStrip(vm, msg);

        vendorPanel.setId("vendorPanel");
        vendorPanel.setText(msg.get("vendor.panel"));
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

        // Only the phase (login form, device picker, call panel) and the vendor panel change the bar's
        // size; calls and messages never do, so a call arriving does not resize the window (or close an
        // open menu).
        vm.phaseProperty().addListener((o, a, b) -> refit());
        vendorPanel.expandedProperty().addListener((o, a, b) -> refit());

        // The login form and device picker are hidden in the first frame (the session is still connecting):
        // out of the scene until soon after it, their text fields and list skip the first CSS pass.
        content = new StackPane();
        content.setId("content");
        forms = List.of(loginView, picker);
        if (formsDue(vm.phaseProperty().get())) attachForms();
        vm.phaseProperty().addListener((o, a, b) -> {
            if (formsDue(b)) attachForms();
        });
        if (vm.phaseProperty().get() == SessionPhase.READY) {
            makeCallPanel();
        } else {
            vm.phaseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends SessionPhase> o, SessionPhase a,
                                    SessionPhase b) {
                    if (b != SessionPhase.READY) return;
                    o.removeListener(this);
                    makeCallPanel();
                }
            });
            sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene a, Scene scene) {
                    if (scene == null) return;
                    o.removeListener(this);
                    afterFirstFrame(scene);
                }
            });
        }
        setSpacing(6);
        getChildren().addAll(statusLine, content, notice, vendorPanel);
    }

    /**
     * Soon after the first frame, even if the session does not need them yet, so that they are there before
     * the agent can use them: the login form and device picker on the next turn of the event queue, the call
     * panel on the one after (the vendor's page, queued by the desktop shell at the same first frame, comes
     * before it: it is on the way to "connected").
     */
    private void afterFirstFrame(Scene scene) {
        NextFrame.then(scene, () -> Platform.runLater(() -> {
            attachForms();
            Platform.runLater(this::makeCallPanel);
        }));
    }

    private static boolean formsDue(SessionPhase p) {
        return p == SessionPhase.CREDENTIALS || p == SessionPhase.DEVICE_SELECTION || p == SessionPhase.DEVICE_PAIRED;
    }

    /**
     * Puts the login form and device picker into the bar, once. Appended, even after the call panel: the
     * three are never shown together (each belongs to its own phase), and inserting in front of a parent's
     * children made JavaFX's bounds cache fail in tests (IndexOutOfBoundsException in
     * Parent.updateCachedBounds).
     */
    private void attachForms() {
        if (forms.get(0).getParent() == content) return;
        content.getChildren().addAll(forms);
    }

    /** The call card, its buttons and the queued calls, made once; shown while the session is ready. */
    private void makeCallPanel() {
        if (controls != null) return;
        CallCard card = new CallCard(vm, msg);
        controls = new CallControls(vm, msg, card, new CallControls.Openers() {
            @Override public void transfer() { openTransfer(); }
            @Override public void conference() { openConference(); }
            @Override public void dialPad() { openDialPad(); }
            @Override public void accountCode() { openAccountCode(); }
            @Override public void downloadRecording() { BarView.this.downloadRecording(); }
        });
        extras = new CallExtras(vm, msg, card);
        extras.follow(controls);
        VBox callPanel = new VBox(6, card, controls, extras, new QueuedCallsView(vm, msg, this::refit));
        callPanel.setId("callPanel");
        Ui.visible(callPanel, Bindings.equal(vm.phaseProperty(), SessionPhase.READY));
        content.getChildren().add(callPanel);
    }

    private CallControls controls() {
        makeCallPanel();
        return controls;
    }

    /** Mounts a self-contained part (the CRM link's panels) under the call panel, above the message strip. */
    public void mountBelowCalls(Node panel) {
        getChildren().add(getChildren().indexOf(content) + 1, panel);
    }

    /** Fits the window to the bar (after the phase changed, or a mounted part grew or shrank). */
    void refit() {
        // After the pass that lays out the new content, so the window gets its new preferred size.
        Platform.runLater(() -> {
            if (getScene() == null || getScene().getWindow() == null) return;
            getScene().getRoot().applyCss();
            getScene().getRoot().layout();
            getScene().getWindow().sizeToScene();
        });
    }

    /** Session commands that do not fit the compact bar: log out, change phone, queue suspension. */
    private void buildSessionMenu(boolean distinguishesInternalNumbers) {
        sessionMenu.setText(msg.get("menu.session"));
        sessionMenu.setId("menuSession");
        MenuItem changePhone = commandItem("menuChangePhone", "menu.changePhone",
                vm.enabledProperty(CommandKind.IDENTIFY), vm.supportedProperty(CommandKind.IDENTIFY), vm::identify);
        MenuItem queues = commandItem("menuQueues", "menu.queues",
                Bindings.or(vm.enabledProperty(CommandKind.SUSPEND_QUEUE), vm.enabledProperty(CommandKind.RESUME_QUEUE)),
                Bindings.or(vm.supportedProperty(CommandKind.SUSPEND_QUEUE),
                        vm.supportedProperty(CommandKind.RESUME_QUEUE)), this::openQueues);
        MenuItem logout = commandItem("menuLogout", "menu.logout", vm.enabledProperty(CommandKind.LOGOUT),
                vm.supportedProperty(CommandKind.LOGOUT), this::logout);
        sessionMenu.getItems().addAll(changePhone, queues, new SeparatorMenuItem(), logout);
        sessionMenu.getItems().addAll(2, FollowMeDialog.menuItems(vm, msg, distinguishesInternalNumbers));
    }

    private MenuItem commandItem(String id, String key, ObservableBooleanValue enabledWhen,
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

    /**
     * The pop-overs' contents, for the test that no text is hard-coded (they live outside the bar's scene).
     * Makes every pop-over that was not made yet.
     */
    List<Node> popoverContents() {
        List<Node> all = new java.util.ArrayList<>(List.of(transferPopOver.get().getContentNode(),
                dialPopOver.get().getContentNode(), accountPopOver.get().getContentNode(),
                conferencePopOver.get().getContentNode(), queuePopOver.get().getContentNode()));
        all.addAll(callExtras().popoverContents());
        return all;
    }

    /** How many pop-overs have been made so far, for the test that the bar makes none up front. */
    int popOversMade() {
        int n = 0;
        for (Lazy<?> p : List.of(transferPopOver, dialPopOver, accountPopOver, conferencePopOver, queuePopOver)) {
            if (p.made()) n++;
        }
        return n + (extras == null ? 0 : extras.popOversMade());
    }

    /** The status line, for tests. */
    StatusLine statusLine() {
        return statusLine;
    }

    /** The call buttons, for the layout tests. */
    CallControls callControls() {
        return controls();
    }

    /** The second row of call buttons (tones, swap, recording, ...), for the layout tests. */
    CallExtras callExtras() {
        makeCallPanel();
        return extras;
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
        if (controls().transferButton().isDisabled()) return;
        transferPopOver.get().open(controls().transferButton());
    }

    public void openDialPad() {
        if (!vm.isEnabled(CommandKind.DIAL)) return;
        dialPopOver.get().open(controls().dialPadButton());
    }

    public void openConference() {
        if (controls().conferenceButton().isDisabled()) return;
        conferencePopOver.get().open(controls().conferenceButton());
    }

    /** Opened from the Session menu, so it points at the status line. */
    public void openQueues() {
        if (!vm.isEnabled(CommandKind.SUSPEND_QUEUE) && !vm.isEnabled(CommandKind.RESUME_QUEUE)) return;
        queuePopOver.get().open(statusLine);
    }

    public void openAccountCode() {
        if (!vm.isEnabled(CommandKind.SET_ACCOUNT_CODE)) return;
        accountPopOver.get().open(controls().accountCodeButton());
    }

    /** Logs out at once when the line is idle; with a call up, only after the agent confirms. */
    public void logout() {
        if (!vm.isEnabled(CommandKind.LOGOUT)) return;
        if (!vm.hasCalls()) {
            vm.logout();
            return;
        }
        if (logoutConfirmation != null && logoutConfirmation.isShowing()) return;
        ButtonType yes = new ButtonType(msg.get("logout.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(msg.get("logout.confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, msg.get("logout.confirm.text"), yes, no);
        alert.setTitle(msg.get("logout.confirm.title"));
        alert.setHeaderText(msg.get("logout.confirm.header"));
        alert.getDialogPane().setId("logoutConfirmation");
        alert.getDialogPane().lookupButton(yes).setId("logoutConfirm");
        alert.getDialogPane().lookupButton(no).setId("logoutCancel");
        if (getScene() != null && getScene().getWindow() != null) alert.initOwner(getScene().getWindow());
        // Not showAndWait: a nested event loop inside a menu action is fragile, and nothing waits on the answer.
        alert.setOnHidden(e -> {
            if (alert.getResult() == yes && vm.isEnabled(CommandKind.LOGOUT)) vm.logout();
        });
        logoutConfirmation = alert;
        alert.show();
    }

    private void openInspector() {
        if (openInspector != null) openInspector.run();
    }

    /** The vendor panel, for the app's menu and tests. */
    public TitledPane vendorPanel() {
        return vendorPanel;
    }

    /** Ctrl+Shift shortcuts on this scene; each acts only when its command is allowed right now. */
    public void installShortcuts(Scene scene) {
        shortcuts.install(scene);
    }

    /** The wrap-up (account) codes the agent picks from; a typed code is always accepted as well. */
    public void setAccountCodes(List<String> codes) {
        accountCodes = codes == null ? List.of() : codes;
        if (accountPopOver.made()) accountPopOver.get().setCodes(accountCodes);
    }

    /** The account-code pop-over (made now if it was not yet), for tests. */
    AccountCodePopOver accountCodePopOver() {
        return accountPopOver.get();
    }

    /** Pre-fills the native login form from configuration. */
    public void prefillLogin(LoginDefaults defaults) {
        loginView.prefill(defaults);
    }

    /** Kept for the views that used the old helper; new code uses {@link Ui#visible}. */
    static void visible(Node n, ObservableBooleanValue when) {
        Ui.visible(n, when);
    }
}
