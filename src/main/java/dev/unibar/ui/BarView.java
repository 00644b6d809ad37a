package dev.unibar.ui;

import dev.unibar.core.LoginForm;

import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.state.SessionPhase;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;

/**
 * The compact bar: status line, login or device picker while the session needs them, the call card
 * and call controls, the last message, and the vendor's own bar in a collapsible panel. Every control
 * binds to {@link BarViewModel}: disabled when the guard forbids, hidden when the vendor lacks the
 * command. Controls carry stable CSS ids for tests (see the constants' use below).
 */
public final class BarView extends VBox {

    private LoginView loginView;


    private static final PseudoClass ON = PseudoClass.getPseudoClass("on");

    private final BarViewModel vm;
    private final Messages msg;
    private final LoginMode loginMode;
    private final Runnable openInspector;

    private final MenuButton stateSelector = new MenuButton();
    private final Label notice = new Label();
    private final PauseTransition noticeTimer = new PauseTransition();
    private final PopOver transferPopOver = new PopOver();
    private final PopOver dialPopOver = new PopOver();
    private final PopOver accountPopOver = new PopOver();
    private final TextField transferTarget = new TextField();
    private final TextField dialNumber = new TextField();
    private final TextField accountCodeField = new TextField();
    private final Button transferButton;
    private final Button dialPadButton;
    private final Button accountCodeButton;
    private final boolean distinguishesInternal;
    private final CheckBox dialInternal = new CheckBox();
    private final TextField dialQueue = new TextField();
    private final CheckBox transferInternal = new CheckBox();
    private final PopOver conferencePopOver = new PopOver();
    private final TextField conferenceParticipant = new TextField();
    private final CheckBox conferenceInternal = new CheckBox();
    private Button conferenceButton;
    private final PopOver queuePopOver = new PopOver();
    private final TextField queueId = new TextField();
    private final HBox statusLine;
    private final Menu sessionMenu = new Menu();
    private Alert logoutConfirmation;
    private final TitledPane vendorPanel = new TitledPane();
    private Function<Window, File> folderChooser;

    /**
     * @param form what the vendor's login asks for, and whether dialing, transferring and conferencing offer
     *             an "internal extension" check box (see {@link BarContext#loginForm()})
     */
    public BarView(BarViewModel vm, Messages msg, LoginForm form, Node vendorNode, Runnable openInspector) {
        LoginMode loginMode = form.vendorPage() ? LoginMode.VENDOR_PAGE : LoginMode.NATIVE;
        boolean distinguishesInternalNumbers = form.distinguishesInternalNumbers();
        this.vm = vm;
        this.distinguishesInternal = distinguishesInternalNumbers;
        this.msg = msg;
        this.loginMode = loginMode;
        this.openInspector = openInspector;
        setId("bar");
        getStyleClass().add("bar");
        folderChooser = w -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(msg.get("recording.chooseFolder"));
            return c.showDialog(w);
        };

        // ---- status line ----
        Label vendorLabel = label("vendorName", "vendor");
        vendorLabel.textProperty().bind(vm.vendorProperty());
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Label connection = label("connectionStatus", "connection");
        connection.setGraphic(dot);
        vm.connectionProperty().addListener((o, a, b) -> showConnection(connection, b));
        showConnection(connection, vm.connectionProperty().get());

        Label agent = label("agentName", "agent-name");
        agent.textProperty().bind(vm.agentNameProperty());

        stateSelector.setId("stateSelector");
        stateSelector.getStyleClass().add("state-selector");
        stateSelector.disableProperty().bind(vm.enabledProperty(CommandKind.SET_STATE).not());
        visible(stateSelector, Bindings.and(vm.supportedProperty(CommandKind.SET_STATE),
                Bindings.isNotNull(vm.agentStateProperty()).or(
                        Bindings.equal(vm.phaseProperty(), SessionPhase.READY))));
        vm.agentStateProperty().addListener((o, a, b) -> updateStateSelector());
        vm.stateReasonLabelProperty().addListener((o, a, b) -> updateStateSelector());
        vm.pauseReasons().addListener((javafx.collections.ListChangeListener<PauseReason>) c -> rebuildStateMenu());
        rebuildStateMenu();
        updateStateSelector();

        Label timeInState = label("timeInState", "time-in-state");
        timeInState.textProperty().bind(vm.timeInStateProperty());
        timeInState.setTooltip(new Tooltip(msg.get("state.timeInState")));

        Label waiting = label("waitingCallers", "waiting");
        waiting.textProperty().bind(Bindings.createStringBinding(() -> {
            Integer n = vm.waitingCallersProperty().get();
            return n == null ? "" : msg.format("queue.waiting", n);
        }, vm.waitingCallersProperty()));
        visible(waiting, Bindings.createBooleanBinding(() -> {
            Integer n = vm.waitingCallersProperty().get();
            return n != null && n > 0;
        }, vm.waitingCallersProperty()));

        Label problems = label("problemCount", "problems");
        problems.textProperty().bind(Bindings.createStringBinding(
                () -> msg.format("bar.problems", vm.malformedCountProperty().get(), vm.droppedCountProperty().get()),
                vm.malformedCountProperty(), vm.droppedCountProperty()));
        visible(problems, vm.malformedCountProperty().greaterThan(0).or(vm.droppedCountProperty().greaterThan(0)));

        Button inspectorButton = new Button(msg.get("button.inspector"));
        inspectorButton.setId("openInspector");
        inspectorButton.getStyleClass().add("small");
        inspectorButton.setOnAction(e -> openInspector());
        inspectorButton.setTooltip(new Tooltip(msg.get("shortcut.inspector")));
        inspectorButton.setVisible(openInspector != null);
        inspectorButton.setManaged(openInspector != null);

        Button logout = commandButton("logout", "button.logout", vm.enabledProperty(CommandKind.LOGOUT),
                vm.supportedProperty(CommandKind.LOGOUT), this::logout);
        logout.getStyleClass().add("small");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(8, vendorLabel, connection, agent, stateSelector, timeInState, waiting, spacer,
                problems, inspectorButton, logout);
        statusLine = status;
        status.setId("statusLine");
        status.getStyleClass().add("status-line");
        status.setAlignment(Pos.CENTER_LEFT);

        // ---- login and device picking ----
        LoginView login = new LoginView(vm, msg, form.deviceTypes());
        loginView = login;
        visible(login, Bindings.createBooleanBinding(
                () -> loginMode == LoginMode.NATIVE && vm.phaseProperty().get() == SessionPhase.CREDENTIALS,
                vm.phaseProperty()));
        DevicePickerView picker = new DevicePickerView(vm, msg);
        boolean picksDevice = vm.isSupported(CommandKind.SELECT_DEVICE) || vm.isSupported(CommandKind.PROVISION)
                || vm.isSupported(CommandKind.IDENTIFY);
        visible(picker, Bindings.createBooleanBinding(() -> {
            SessionPhase p = vm.phaseProperty().get();
            return picksDevice && (p == SessionPhase.DEVICE_SELECTION || p == SessionPhase.DEVICE_PAIRED);
        }, vm.phaseProperty()));

        // ---- call card and controls ----
        VBox callPanel = callPanel();
        visible(callPanel, Bindings.equal(vm.phaseProperty(), SessionPhase.READY));

        transferButton = commandButton("transfer", "button.transfer",
                Bindings.or(vm.enabledProperty(CommandKind.BLIND_TRANSFER), vm.enabledProperty(CommandKind.CONSULT)),
                Bindings.or(vm.supportedProperty(CommandKind.BLIND_TRANSFER),
                        vm.supportedProperty(CommandKind.CONSULT)), this::openTransfer);
        dialPadButton = commandButton("dialPad", "button.dialPad", vm.enabledProperty(CommandKind.DIAL),
                vm.supportedProperty(CommandKind.DIAL), this::openDialPad);
        dialPadButton.setTooltip(new Tooltip(msg.get("shortcut.dialPad")));
        accountCodeButton = commandButton("accountCode", "button.accountCode",
                vm.enabledProperty(CommandKind.SET_ACCOUNT_CODE), vm.supportedProperty(CommandKind.SET_ACCOUNT_CODE),
                this::openAccountCode);
        callPanel.getChildren().addAll(controls(), new QueuedCallsView(vm, msg, this::refit));
        buildPopOvers();
        buildSessionMenu();

        // ---- message ----
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        visible(notice, Bindings.isNotEmpty(notice.textProperty()));
        noticeTimer.setOnFinished(e -> notice.setText(""));
        vm.messageProperty().addListener((o, a, m) -> showMessage(m));

        // ---- vendor's own bar ----
        vendorPanel.setId("vendorPanel");
        vendorPanel.setText(msg.get("vendor.panel"));
        vendorPanel.setContent(vendorNode);
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

        // A compact window follows its content: what the bar shows changes with the phase and the calls.
        vm.phaseProperty().addListener((o, a, b) -> refit());
        vm.agentStateProperty().addListener((o, a, b) -> refit());
        hasCallChanged(vm.activeCallProperty());
        hasCallChanged(vm.heldCallProperty());
        notice.textProperty().addListener((o, a, b) -> {
            if ((a == null || a.isEmpty()) != (b == null || b.isEmpty())) refit();
        });
        vendorPanel.expandedProperty().addListener((o, a, b) -> refit());

        StackPane content = new StackPane(login, picker, callPanel);
        content.setId("content");
        setSpacing(6);
        getChildren().addAll(status, content, notice, vendorPanel);
    }

    private void hasCallChanged(javafx.beans.value.ObservableValue<?> v) {
        v.addListener((o, a, b) -> {
            if ((a == null) != (b == null)) refit();
        });
    }

    private void refit() {
        // After the pass that lays out the new content, so the window gets its new preferred size.
        javafx.application.Platform.runLater(() -> {
            if (getScene() != null && getScene().getWindow() != null) getScene().getWindow().sizeToScene();
        });
    }

    // ---- building blocks ----

    private VBox callPanel() {
        Label direction = label("callDirection", "call-direction");
        direction.textProperty().bind(Bindings.createStringBinding(() -> {
            Direction d = vm.activeDirectionProperty().get();
            if (vm.activeCallProperty().get() == null) return "";
            return d == Direction.OUTBOUND ? msg.get("call.outbound") : msg.get("call.inbound");
        }, vm.activeDirectionProperty(), vm.activeCallProperty()));
        Label number = label("callNumber", "call-number");
        number.textProperty().bind(vm.activeNumberProperty());
        Label name = label("callName", "call-name");
        name.textProperty().bind(vm.activeNameProperty());
        Label queue = label("callQueue", "call-queue");
        queue.textProperty().bind(vm.activeQueueProperty());
        Label status = label("callStatus", "call-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            CallStatus s = vm.activeStatusProperty().get();
            return s == null ? "" : msg.get("call.status." + s.name());
        }, vm.activeStatusProperty()));
        Label duration = label("callDuration", "call-duration");
        duration.textProperty().bind(vm.activeDurationProperty());
        Label heldBadge = badge("heldBadge", "call.held", vm.activeHeldProperty());
        Label mutedBadge = badge("mutedBadge", "call.muted", vm.mutedProperty());
        Label confBadge = badge("conferenceBadge", "call.conference", vm.activeConferenceProperty());
        Label none = label("noCall", "no-call");
        none.setText(msg.get("call.none"));
        BooleanBinding hasCall = Bindings.isNotNull(vm.activeCallProperty());
        visible(none, hasCall.not());

        HBox line1 = new HBox(8, direction, number, name, queue, status, duration, heldBadge, mutedBadge, confBadge);
        line1.setAlignment(Pos.CENTER_LEFT);
        line1.setId("callLine");
        visible(line1, hasCall);

        Label heldLabel = label("heldLabel", "held-label");
        heldLabel.setText(msg.get("call.heldLine"));
        Label heldNumber = label("heldNumber", "held-number");
        heldNumber.textProperty().bind(vm.heldNumberProperty());
        HBox line2 = new HBox(6, heldLabel, heldNumber);
        line2.setId("heldLine");
        line2.setAlignment(Pos.CENTER_LEFT);
        visible(line2, Bindings.isNotNull(vm.heldCallProperty()));

        VBox card = new VBox(2, none, line1, line2, new EndCauseLabel(vm, msg));
        card.setId("callCard");
        card.getStyleClass().add("call-card");
        VBox panel = new VBox(6, card);
        panel.setId("callPanel");
        return panel;
    }

    private HBox controls() {
        Button answer = commandButton("answer", "button.answer", vm.enabledProperty(CommandKind.ANSWER),
                vm.supportedProperty(CommandKind.ANSWER), vm::answer);
        answer.getStyleClass().add("answer");
        answer.setTooltip(new Tooltip(msg.get("shortcut.answer")));
        Button reject = commandButton("reject", "button.reject", vm.enabledProperty(CommandKind.REJECT),
                vm.supportedProperty(CommandKind.REJECT), vm::reject);
        Button hangup = commandButton("hangup", "button.hangup", vm.enabledProperty(CommandKind.HANGUP),
                vm.supportedProperty(CommandKind.HANGUP), vm::hangup);
        hangup.getStyleClass().add("hangup");
        hangup.setTooltip(new Tooltip(msg.get("shortcut.hangup")));

        Button hold = commandButton("hold", "button.hold",
                Bindings.or(vm.enabledProperty(CommandKind.HOLD), vm.enabledProperty(CommandKind.RESUME)),
                Bindings.or(vm.supportedProperty(CommandKind.HOLD), vm.supportedProperty(CommandKind.RESUME)),
                vm::toggleHold);
        hold.getStyleClass().add("toggle");
        hold.setTooltip(new Tooltip(msg.get("shortcut.hold")));
        // Resume whenever resuming is what the button would do; the pseudo-class makes it look pressed.
        javafx.beans.value.ChangeListener<Boolean> holdLook = (o, a, b) -> {
            hold.setText(msg.get(b ? "button.resume" : "button.hold"));
            hold.pseudoClassStateChanged(ON, b);
        };
        vm.enabledProperty(CommandKind.RESUME).addListener(holdLook);
        holdLook.changed(null, null, vm.isEnabled(CommandKind.RESUME));
        Button mute = commandButton("mute", "button.mute",
                Bindings.or(vm.enabledProperty(CommandKind.MUTE), vm.enabledProperty(CommandKind.UNMUTE)),
                Bindings.or(vm.supportedProperty(CommandKind.MUTE), vm.supportedProperty(CommandKind.UNMUTE)),
                vm::toggleMute);
        mute.getStyleClass().add("toggle");
        mute.setTooltip(new Tooltip(msg.get("shortcut.mute")));
        javafx.beans.value.ChangeListener<Boolean> muteLook = (o, a, b) -> {
            mute.setText(msg.get(b ? "button.unmute" : "button.mute"));
            mute.pseudoClassStateChanged(ON, b);
        };
        vm.mutedProperty().addListener(muteLook);
        muteLook.changed(null, null, vm.mutedProperty().get());

        Button complete = commandButton("completeTransfer", "button.completeTransfer",
                vm.enabledProperty(CommandKind.COMPLETE_TRANSFER), vm.supportedProperty(CommandKind.COMPLETE_TRANSFER),
                vm::completeTransfer);
        // A popover, not a one-click action: EPBX needs the number to call into the conference.
        Button conference = commandButton("conference", "button.conference",
                vm.enabledProperty(CommandKind.CONFERENCE), vm.supportedProperty(CommandKind.CONFERENCE),
                this::openConference);
        conferenceButton = conference;
        Button endConference = commandButton("endConference", "button.endConference",
                vm.enabledProperty(CommandKind.END_CONFERENCE), vm.supportedProperty(CommandKind.END_CONFERENCE),
                vm::endConference);
        Button recording = commandButton("downloadRecording", "button.downloadRecording",
                vm.enabledProperty(CommandKind.DOWNLOAD_RECORDING),
                vm.supportedProperty(CommandKind.DOWNLOAD_RECORDING), this::downloadRecording);

        HBox box = new HBox(4, answer, reject, hangup, hold, mute, transferButton, complete,
                new CancelConsultButton(vm, msg), conference,
                endConference, dialPadButton, accountCodeButton, recording);
        box.setId("callControls");
        box.getStyleClass().add("call-controls");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void buildPopOvers() {
        transferTarget.setId("transferTarget");
        transferTarget.setPromptText(msg.get("transfer.prompt"));
        Button blind = commandButton("blindTransfer", "button.blindTransfer",
                vm.enabledProperty(CommandKind.BLIND_TRANSFER), vm.supportedProperty(CommandKind.BLIND_TRANSFER),
                () -> {
                    vm.blindTransfer(transferTarget.getText(), transferInternal.isSelected());
                    transferPopOver.hide();
                });
        Button consult = commandButton("consult", "button.consult",
                vm.enabledProperty(CommandKind.CONSULT), vm.supportedProperty(CommandKind.CONSULT),
                () -> {
                    vm.consult(transferTarget.getText(), transferInternal.isSelected());
                    transferPopOver.hide();
                });
        internalBox(transferInternal, "transferInternal");
        Label title = new Label(msg.get("transfer.title"));
        VBox t = new VBox(6, title, transferTarget, transferInternal, new HBox(6, blind, consult));
        t.setId("transferPane");
        t.getStyleClass().add("popover-pane");
        setup(transferPopOver, t);

        dialNumber.setId("dialNumber");
        dialNumber.setPromptText(msg.get("dial.prompt"));
        dialNumber.setOnAction(e -> dialNow());
        GridPane keys = new GridPane();
        keys.setHgap(4);
        keys.setVgap(4);
        String[] digits = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"};
        for (int i = 0; i < digits.length; i++) {
            String d = digits[i];
            Button k = new Button(d);
            k.setId("key" + (d.equals("*") ? "Star" : d.equals("#") ? "Hash" : d));
            k.getStyleClass().add("dial-key");
            k.setFocusTraversable(false);
            k.setOnAction(e -> dialNumber.appendText(d));
            keys.add(k, i % 3, i / 3);
        }
        Button dial = commandButton("dial", "button.dial", vm.enabledProperty(CommandKind.DIAL),
                vm.supportedProperty(CommandKind.DIAL), this::dialNow);
        dial.setDefaultButton(false);
        dialQueue.setId("dialQueue");
        dialQueue.setPromptText(msg.get("dial.queue.prompt"));
        dialQueue.setTooltip(new Tooltip(msg.get("dial.queue.tooltip")));
        dialQueue.setOnAction(e -> dialNow());
        internalBox(dialInternal, "dialInternal");
        VBox d = new VBox(6, dialNumber, keys, dialQueue, dialInternal, dial);
        d.setId("dialPane");
        d.getStyleClass().add("popover-pane");
        setup(dialPopOver, d);

        accountCodeField.setId("accountCodeField");
        accountCodeField.setPromptText(msg.get("accountCode.prompt"));
        Button save = commandButton("accountCodeSave", "button.save",
                vm.enabledProperty(CommandKind.SET_ACCOUNT_CODE), vm.supportedProperty(CommandKind.SET_ACCOUNT_CODE),
                () -> {
                    vm.setAccountCode(accountCodeField.getText());
                    accountCodeField.clear();
                    accountPopOver.hide();
                });
        accountCodeField.setOnAction(e -> save.fire());
        VBox a = new VBox(6, new Label(msg.get("accountCode.title")), accountCodeField, save);
        a.setId("accountCodePane");
        a.getStyleClass().add("popover-pane");
        setup(accountPopOver, a);

        conferenceParticipant.setId("conferenceParticipant");
        conferenceParticipant.setPromptText(msg.get("conference.participant.prompt"));
        internalBox(conferenceInternal, "conferenceInternal");
        Button start = commandButton("conferenceStart", "button.conferenceStart",
                vm.enabledProperty(CommandKind.CONFERENCE), vm.supportedProperty(CommandKind.CONFERENCE),
                () -> {
                    vm.conference(conferenceParticipant.getText(), conferenceInternal.isSelected());
                    conferencePopOver.hide();
                });
        conferenceParticipant.setOnAction(e -> start.fire());
        Label hint = new Label(msg.get("conference.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(260);
        VBox c = new VBox(6, new Label(msg.get("conference.title")), conferenceParticipant, conferenceInternal, hint,
                start);
        c.setId("conferencePane");
        c.getStyleClass().add("popover-pane");
        setup(conferencePopOver, c);

        queueId.setId("queueId");
        queueId.setPromptText(msg.get("queue.id.prompt"));
        Button suspend = commandButton("suspendQueue", "button.suspendQueue",
                vm.enabledProperty(CommandKind.SUSPEND_QUEUE), vm.supportedProperty(CommandKind.SUSPEND_QUEUE),
                () -> {
                    vm.suspendQueue(queueId.getText());
                    queuePopOver.hide();
                });
        Button resume = commandButton("resumeQueue", "button.resumeQueue",
                vm.enabledProperty(CommandKind.RESUME_QUEUE), vm.supportedProperty(CommandKind.RESUME_QUEUE),
                () -> {
                    vm.resumeQueue(queueId.getText());
                    queuePopOver.hide();
                });
        VBox q = new VBox(6, new Label(msg.get("queue.title")), queueId, new HBox(6, suspend, resume));
        q.setId("queuePane");
        q.getStyleClass().add("popover-pane");
        setup(queuePopOver, q);
    }

    private void internalBox(CheckBox box, String id) {
        box.setText(msg.get("internal.extension"));
        box.setId(id);
        // Only vendors that route extensions differently get the choice; elsewhere it would be noise.
        box.setVisible(distinguishesInternal);
        box.setManaged(distinguishesInternal);
    }

    /** Session commands that do not fit the compact bar: log out, change phone, queue suspension. */
    private void buildSessionMenu() {
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
        sessionMenu.getItems().addAll(2, FollowMeDialog.menuItems(vm, msg, distinguishesInternal));
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

    /** The popovers' contents, for the test that no text is hard-coded (they live outside the bar's scene). */
    java.util.List<Node> popoverContents() {
        return java.util.List.of(transferPopOver.getContentNode(), dialPopOver.getContentNode(),
                accountPopOver.getContentNode(), conferencePopOver.getContentNode(), queuePopOver.getContentNode());
    }

    /** The "Session" menu for the window's menu bar. */
    public Menu sessionMenu() {
        return sessionMenu;
    }

    private static void setup(PopOver p, Node content) {
        p.setContentNode(content);
        p.setDetachable(false);
        // No fade: a popover that is still transparent must not swallow the agent's first click.
        p.setAnimated(false);
        p.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
    }

    private void dialNow() {
        if (!vm.isEnabled(CommandKind.DIAL)) return;
        String n = dialNumber.getText();
        if (n == null || n.isBlank()) return;
        vm.dial(n, dialQueue.getText(), distinguishesInternal && dialInternal.isSelected());
        dialNumber.clear();
        dialInternal.setSelected(false);
        dialPopOver.hide();
    }

    private void downloadRecording() {
        if (!vm.isEnabled(CommandKind.DOWNLOAD_RECORDING)) return;
        File folder = folderChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (folder != null) vm.downloadRecording(folder.getAbsolutePath());
    }

    /** Tests and the lead may replace the native folder dialog. */
    public void setFolderChooser(Function<Window, File> chooser) {
        this.folderChooser = chooser;
    }

    public void openTransfer() {
        if (transferButton.isDisabled()) return;
        transferTarget.clear();
        transferInternal.setSelected(false);
        transferPopOver.show(transferButton);
        transferTarget.requestFocus();
    }

    public void openDialPad() {
        if (!vm.isEnabled(CommandKind.DIAL)) return;
        dialPopOver.show(dialPadButton);
        dialNumber.requestFocus();
    }

    public void openConference() {
        if (!vm.isEnabled(CommandKind.CONFERENCE)) return;
        conferenceParticipant.clear();
        conferenceInternal.setSelected(false);
        conferencePopOver.show(conferenceButton);
        conferenceParticipant.requestFocus();
    }

    /** Opened from the Session menu, so it points at the status line. */
    public void openQueues() {
        if (!vm.isEnabled(CommandKind.SUSPEND_QUEUE) && !vm.isEnabled(CommandKind.RESUME_QUEUE)) return;
        queuePopOver.show(statusLine);
        queueId.requestFocus();
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

    public void openAccountCode() {
        if (!vm.isEnabled(CommandKind.SET_ACCOUNT_CODE)) return;
        accountPopOver.show(accountCodeButton);
        accountCodeField.requestFocus();
    }

    private void openInspector() {
        if (openInspector != null) openInspector.run();
    }

    /** The vendor panel, for the app's menu and tests. */
    public TitledPane vendorPanel() {
        return vendorPanel;
    }

    // ---- agent state ----

    private void rebuildStateMenu() {
        stateSelector.getItems().clear();
        stateSelector.getItems().add(stateItem("state-READY", msg.get("state.READY"), vm::ready));
        if (vm.pauseReasons().isEmpty()) {
            stateSelector.getItems().add(stateItem("state-NOT_READY", msg.get("state.NOT_READY"),
                    () -> vm.pause(null)));
        } else {
            for (PauseReason r : vm.pauseReasons()) {
                String text = r.label() != null ? r.label() : r.id();
                if (Boolean.TRUE.equals(r.productive())) text = msg.format("state.reasonProductive", text);
                String id = r.id();
                MenuItem item = stateItem("reason-" + safeId(id), text, () -> vm.pause(id));
                item.getStyleClass().add(Boolean.TRUE.equals(r.productive()) ? "productive" : "unproductive");
                stateSelector.getItems().add(item);
            }
        }
        stateSelector.getItems().add(new SeparatorMenuItem());
        stateSelector.getItems().add(stateItem("state-OFFLINE", msg.get("state.OFFLINE"), vm::offline));
    }

    private MenuItem stateItem(String id, String text, Runnable action) {
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

    private void updateStateSelector() {
        AgentState s = vm.agentStateProperty().get();
        String reason = vm.stateReasonLabelProperty().get();
        String text;
        if (s == null) text = msg.get("state.unknown");
        else if (s == AgentState.NOT_READY && reason != null && !reason.isBlank())
            text = msg.format("state.withReason", msg.get("state.NOT_READY"), reason);
        else text = msg.get("state." + s.name());
        stateSelector.setText(text);
        stateSelector.getStyleClass().removeIf(c -> c.startsWith("state-"));
        stateSelector.getStyleClass().add("state-" + (s == null ? "unknown"
                : s.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    // ---- messages and connection ----

    private void showConnection(Label l, ConnectionStatus c) {
        l.setText(c == null ? "" : msg.get("connection." + c.name()));
        l.getStyleClass().removeIf(s -> s.startsWith("conn-"));
        if (c != null) l.getStyleClass().add("conn-" + c.name().toLowerCase(Locale.ROOT));
    }

    private void showMessage(BarViewModel.Message m) {
        notice.getStyleClass().removeAll("info", "warning", "error");
        if (m == null) {
            notice.setText("");
            return;
        }
        notice.getStyleClass().add(m.level().wire());
        notice.setText(m.text());
        noticeTimer.stop();
        noticeTimer.setDuration(Duration.seconds(m.level() == NoticeLevel.ERROR ? 20 : 10));
        noticeTimer.playFromStart();
    }

    // ---- keyboard ----

    /** Ctrl+Shift shortcuts; each acts only when its command is allowed right now. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(combo(KeyCode.A), () -> {
            if (vm.isEnabled(CommandKind.ANSWER)) vm.answer();
        });
        scene.getAccelerators().put(combo(KeyCode.H), () -> {
            if (vm.isEnabled(CommandKind.HANGUP)) vm.hangup();
        });
        scene.getAccelerators().put(combo(KeyCode.O), () -> {
            if (vm.holdOrResumeAllowed()) vm.toggleHold();
        });
        scene.getAccelerators().put(combo(KeyCode.M), () -> {
            if (vm.muteOrUnmuteAllowed()) vm.toggleMute();
        });
        scene.getAccelerators().put(combo(KeyCode.D), this::openDialPad);
        scene.getAccelerators().put(combo(KeyCode.I), this::openInspector);
    }

    private static KeyCombination combo(KeyCode k) {
        return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    // ---- helpers ----

    private Button commandButton(String id, String key, ObservableBooleanValue enabledWhen,
                                 ObservableBooleanValue supportedWhen, Runnable action) {
        Button b = new Button(msg.get(key));
        b.setId(id);
        b.disableProperty().bind(Bindings.not(enabledWhen));
        visible(b, supportedWhen);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Label badge(String id, String key, ObservableBooleanValue when) {
        Label l = label(id, "badge");
        l.setText(msg.get(key));
        visible(l, when);
        return l;
    }

    private static Label label(String id, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        return l;
    }

    static void visible(Node n, ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    /** Pre-fills the native login form from configuration. */
    public void prefillLogin(LoginDefaults defaults) {
        loginView.prefill(defaults);
    }
}
