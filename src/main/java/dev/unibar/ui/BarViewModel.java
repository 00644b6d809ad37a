package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Device;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.PauseReason;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.command.Guard;
import dev.unibar.core.state.SessionPhase;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The bar's state as JavaFX properties, plus the commands the controls send. Views bind here and
 * never look at vendor payloads or ask the guard themselves. Store and inspector updates arrive on
 * any thread and are coalesced: only the latest state is kept and at most one FX update is pending,
 * so a burst of events costs a handful of FX updates instead of one per event (docs/decisions/0004).
 * Create and use it on the FX thread.
 */
public final class BarViewModel {

    private final Session session;
    private final Capabilities caps;
    private final Clock clock;

    private final AtomicReference<BarState> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong fxUpdates = new AtomicLong();
    private final Consumer<BarState> storeListener;
    private final Consumer<dev.unibar.core.inspect.InspectorEntry> inspectorListener;
    private final Timeline ticker;

    private final Map<CommandKind, ReadOnlyBooleanWrapper> enabled = new EnumMap<>(CommandKind.class);
    private final Map<CommandKind, ReadOnlyBooleanWrapper> supported = new EnumMap<>(CommandKind.class);

    private final ReadOnlyObjectWrapper<BarState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<SessionPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyObjectWrapper<ConnectionStatus> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyStringWrapper vendor = new ReadOnlyStringWrapper(this, "vendor");
    private final ReadOnlyStringWrapper agentName = new ReadOnlyStringWrapper(this, "agentName", "");
    private final ReadOnlyObjectWrapper<AgentState> agentState = new ReadOnlyObjectWrapper<>(this, "agentState");
    private final ReadOnlyStringWrapper stateReason = new ReadOnlyStringWrapper(this, "stateReason");
    private final ReadOnlyStringWrapper stateReasonLabel = new ReadOnlyStringWrapper(this, "stateReasonLabel", "");
    private final ReadOnlyObjectWrapper<Boolean> stateProductive = new ReadOnlyObjectWrapper<>(this, "stateProductive");
    private final ObservableList<PauseReason> pauseReasons = FXCollections.observableArrayList();
    private final ObservableList<Device> devices = FXCollections.observableArrayList();
    // One read-only view each, kept here: a fresh wrapper per call is only weakly attached to its
    // source, so listeners added to it would be lost when it is collected.
    private final ObservableList<PauseReason> pauseReasonsView = FXCollections.unmodifiableObservableList(pauseReasons);
    private final ObservableList<Device> devicesView = FXCollections.unmodifiableObservableList(devices);
    private final ReadOnlyObjectWrapper<Device> device = new ReadOnlyObjectWrapper<>(this, "device");
    private final ReadOnlyObjectWrapper<Integer> waitingCallers = new ReadOnlyObjectWrapper<>(this, "waitingCallers");
    private final ReadOnlyLongWrapper malformedCount = new ReadOnlyLongWrapper(this, "malformedCount");
    private final ReadOnlyLongWrapper droppedCount = new ReadOnlyLongWrapper(this, "droppedCount");
    private final ReadOnlyLongWrapper mappedCount = new ReadOnlyLongWrapper(this, "mappedCount");

    private final CallProperties callProps = new CallProperties();
    private final SituationProperties situation = new SituationProperties();
    private final BarMessages messages;
    private final CallCommands callCommands;
    private final SessionCommands sessionCommands;

    /**
     * Something the agent should read now: a vendor notice or a failed command. {@code key} (with
     * {@code args}) names a bundle text when the bar itself wrote the message, so the view shows it in
     * the agent's language; vendor texts come as {@code text}.
     */
    public record Message(NoticeLevel level, String text, long seq, String key, List<Object> args,
                          boolean vendorNotice, Event.Notice notice) {
        public Message(NoticeLevel level, String text, long seq) {
            this(level, text, seq, null, List.of(), false, null);
        }

        public Message(NoticeLevel level, String text, long seq, String key, List<Object> args) {
            this(level, text, seq, key, args, false, null);
        }

        /** The text in the agent's language. */
        public String text(Messages msg) {
            if (notice != null) return msg.notice(notice);
            if (key == null) return text;
            Object[] a = args.stream().map(x -> x instanceof TextKey k ? msg.get(k.key()) : x).toArray();
            return msg.format(key, a);
        }

        /** A notice that the vendor's page is gone (the web-bar kit's {@code page.*}): it says why the bar does not know. */
        boolean standing() {
            return notice != null && notice.key() != null && notice.key().startsWith("page.");
        }

        /**
         * Errors (a refused command, a session error) and the bar's own warnings describe a situation; once it
         * changes they are stale. A vendor's warning describes a standing condition (no audio here, use the
         * vendor's panel) and stays its time.
         */
        boolean staleWhenSituationChanges() {
            return level == NoticeLevel.ERROR || (level == NoticeLevel.WARNING && !vendorNotice);
        }
    }

    /** A message argument that is itself a bundle key (a command's name, say). */
    public record TextKey(String key) {
    }

    public BarViewModel(Session session) {
        this(session, Clock.systemUTC());
    }

    public BarViewModel(Session session, Clock clock) {
        this.session = session;
        this.caps = session.connector().capabilities();
        this.clock = clock;
        this.messages = new BarMessages(session.endCauses());
        for (CommandKind k : CommandKind.values()) {
            enabled.put(k, new ReadOnlyBooleanWrapper(this, "enabled" + k, false));
            supported.put(k, new ReadOnlyBooleanWrapper(this, "supported" + k, caps.supports(k)));
        }
        callCommands = new CallCommands(state::get, this::isEnabled, this::send, session.connector()::hasRecordingsFolder);
        sessionCommands = new SessionCommands(this::send);
        vendor.set(session.connector().vendor());
        latest.set(session.store().state());
        storeListener = s -> {
            latest.set(s);
            schedule();
        };
        inspectorListener = e -> schedule();
        session.store().subscribe(storeListener);
        session.inspector().subscribe(inspectorListener);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        if (Platform.isFxApplicationThread()) {
            drain();
            ticker.play();
        } else {
            Platform.runLater(() -> {
                drain();
                ticker.play();
            });
        }
    }

    /** Stop listening and ticking; the session itself is the owner's to stop. */
    public void dispose() {
        session.store().unsubscribe(storeListener);
        session.inspector().unsubscribe(inspectorListener);
        ticker.stop();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) Platform.runLater(this::drain);
    }

    private void drain() {
        // Cleared before reading so an update that lands during this drain schedules another one.
        scheduled.set(false);
        fxUpdates.incrementAndGet();
        apply(latest.get());
        malformedCount.set(session.inspector().malformedCount());
        droppedCount.set(session.inspector().droppedCount());
        mappedCount.set(session.inspector().mappedCount());
    }

    private void apply(BarState s) {
        if (s == null || s == state.get()) return;
        BarState before = state.get();
        state.set(s);
        for (CommandKind k : CommandKind.values()) enabled.get(k).set(allowed(s, k));
        phase.set(s.phase());
        connection.set(s.connection());
        agentName.set(s.agent() == null ? "" : CallProperties.firstNonBlank(s.agent().name(), s.agent().login(), s.agent().id()));
        agentState.set(s.agentState());
        stateReason.set(s.stateReason());
        stateReasonLabel.set(java.util.Objects.requireNonNullElse(dev.unibar.core.state.Presenter.reasonLabel(s), ""));
        stateProductive.set(s.stateProductive());
        if (!pauseReasons.equals(s.pauseReasons())) pauseReasons.setAll(s.pauseReasons());
        if (!devices.equals(s.devices())) devices.setAll(s.devices());
        device.set(s.device());
        callProps.apply(s);
        waitingCallers.set(s.waitingCallers());
        messages.apply(before, s);
        situation.apply(s, clock.instant());
        tick();
    }

    /**
     * The guard's answer, no phone control on a chat (see {@link VoiceOnly}), and nothing but the session's own
     * commands while the connection is down: the calls the bar shows then are the last known, not the truth.
     */
    private boolean allowed(BarState s, CommandKind k) {
        return Guard.allowed(caps, s, k) && VoiceOnly.fits(s, k)
                && (WHILE_NOT_KNOWN.contains(k) || !dev.unibar.core.state.Presenter.present(s).stale());
    }

    private static final java.util.Set<CommandKind> WHILE_NOT_KNOWN = java.util.EnumSet.of(CommandKind.LOGIN,
            CommandKind.SSO, CommandKind.LOGOUT, CommandKind.SELECT_DEVICE, CommandKind.PROVISION, CommandKind.IDENTIFY);

    private void tick() {
        BarState s = state.get();
        if (s == null) return;
        Instant now = clock.instant();
        situation.tick(now);
        callProps.tick(s, now);
    }

    static String elapsed(Instant from, Instant now) {
        return dev.unibar.core.state.Presentation.clock(java.time.Duration.between(from, now).getSeconds());
    }

    /** Takes the message off the strip (its timer ran out, or the agent dismissed it). */
    public void clearMessage() {
        messages.clear();
    }

    // ---- commands ----

    /**
     * Sends a command; a refusal (by the guard or the vendor) becomes the message the bar shows.
     * Safe to call from any thread; the message is set on the FX thread.
     */
    public CompletionStage<Void> send(Command command) {
        BarState now = state.get();
        if (now != null && !allowed(now, command.kind())) {
            // The bar's own refusal, in the agent's language (the session's text is for logs).
            messages.refuse(command.kind());
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException(command.kind() + " is not allowed now"));
        }
        return session.send(command).whenComplete((ok, err) -> {
            if (err == null) return;
            Throwable cause = dev.unibar.core.Failures.unwrap(err);
            // The session already turned a vendor's keyed refusal into a notice in the agent's language.
            if (cause instanceof dev.unibar.core.model.Notices.Refusal) return;
            messages.showLater(NoticeLevel.ERROR, cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        });
    }

    /** The call commands (answer, hold, transfer, ...), each aimed at the right call. */
    public CallCommands callCommands() { return callCommands; }

    /** The session's commands (sign-in, agent state, queues). */
    public SessionCommands sessionCommands() { return sessionCommands; }

    // Shorthands the views have always used.
    public void answer() { callCommands.answer(); }
    public void reject() { callCommands.reject(); }
    public void hangup() { callCommands.hangup(); }
    public void toggleHold() { callCommands.toggleHold(); }
    public void toggleMute() { callCommands.toggleMute(); }
    public boolean holdOrResumeAllowed() { return callCommands.holdOrResumeAllowed(); }
    public boolean muteOrUnmuteAllowed() { return callCommands.muteOrUnmuteAllowed(); }
    public void blindTransfer(String target) { callCommands.blindTransfer(target, false); }
    public void blindTransfer(String target, boolean internal) { callCommands.blindTransfer(target, internal); }
    public void consult(String target) { callCommands.consult(target, false); }
    public void consult(String target, boolean internal) { callCommands.consult(target, internal); }
    public void completeTransfer() { callCommands.completeTransfer(); }
    public void conference() { callCommands.conference(null, false); }
    public void conference(String participant, boolean internal) { callCommands.conference(participant, internal); }
    public void endConference() { callCommands.endConference(); }
    public void dial(String number) { callCommands.dial(number, null, false); }
    public void dial(String number, String queueId, boolean internal) { callCommands.dial(number, queueId, internal); }
    public boolean hasCalls() { return callCommands.hasCalls(); }
    public Optional<String> accountCodeCallId() { return callCommands.accountCodeCallId(); }
    public void setAccountCode(String code) { callCommands.setAccountCode(code); }
    public Optional<String> recordingCallId() { return callCommands.recordingCallId(); }
    public void downloadRecording(String folder) { callCommands.downloadRecording(folder); }
    public boolean recordingsFolderConfigured() { return callCommands.recordingsFolderConfigured(); }
    public void downloadRecordingToConfiguredFolder() { callCommands.downloadRecordingToConfiguredFolder(); }
    public void logout() { sessionCommands.logout(); }
    public void suspendQueue(String queueId) { sessionCommands.suspendQueue(queueId); }
    public void resumeQueue(String queueId) { sessionCommands.resumeQueue(queueId); }
    public void ready() { sessionCommands.ready(); }
    public void pause(String reasonId) { sessionCommands.pause(reasonId); }
    public void offline() { sessionCommands.offline(); }
    public void login(String username, char[] password, boolean remember, String device, String deviceType) {
        sessionCommands.login(username, password, remember, device, deviceType);
    }
    public void sso(String username) { sessionCommands.sso(username); }
    public void selectDevice(String id) { sessionCommands.selectDevice(id); }
    public void provision() { sessionCommands.provision(); }
    public void identify() { sessionCommands.identify(); }

    // ---- properties ----

    public Session session() {
        return session;
    }

    public Capabilities capabilities() {
        return caps;
    }

    /** How many times store/inspector updates reached the FX thread (for the coalescing test). */
    public long fxUpdateCount() {
        return fxUpdates.get();
    }

    public ReadOnlyBooleanProperty enabledProperty(CommandKind k) {
        return enabled.get(k).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty supportedProperty(CommandKind k) {
        return supported.get(k).getReadOnlyProperty();
    }

    public boolean isEnabled(CommandKind k) {
        return enabled.get(k).get();
    }

    public boolean isSupported(CommandKind k) {
        return supported.get(k).get();
    }

    public ReadOnlyObjectProperty<BarState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SessionPhase> phaseProperty() { return phase.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ConnectionStatus> connectionProperty() { return connection.getReadOnlyProperty(); }
    public ReadOnlyStringProperty vendorProperty() { return vendor.getReadOnlyProperty(); }
    public ReadOnlyStringProperty agentNameProperty() { return agentName.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<AgentState> agentStateProperty() { return agentState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateReasonProperty() { return stateReason.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateReasonLabelProperty() { return stateReasonLabel.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Boolean> stateProductiveProperty() { return stateProductive.getReadOnlyProperty(); }
    /** The timer beside the state pill: time in the situation, or time left of a limit the vendor set. */
    public ReadOnlyStringProperty timeInStateProperty() { return situation.timer.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty timerCountsDownProperty() { return situation.countdown.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty timerOverProperty() { return situation.over.getReadOnlyProperty(); }
    /** The agent's situation as every vendor shows it (docs/decisions/0044). */
    public ReadOnlyObjectProperty<dev.unibar.core.state.Presentation> presentationProperty() { return situation.presentation.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<dev.unibar.core.state.Situation> situationProperty() { return situation.situation.getReadOnlyProperty(); }
    public ObservableList<PauseReason> pauseReasons() { return pauseReasonsView; }
    public ObservableList<CallView> calls() { return callProps.callsView; }
    public ObservableList<Device> devices() { return devicesView; }
    public ReadOnlyObjectProperty<Device> deviceProperty() { return device.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallView> activeCallProperty() { return callProps.activeCall.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeNumberProperty() { return callProps.activeNumber.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeNameProperty() { return callProps.activeName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activePictureProperty() { return callProps.activePicture.getReadOnlyProperty(); }
    /** The customer's id in the vendor's or CRM's records (a dialer's external id), for the agent to look up. */
    public ReadOnlyStringProperty activeCustomerIdProperty() { return callProps.activeCustomerId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeQueueProperty() { return callProps.activeQueue.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Direction> activeDirectionProperty() { return callProps.activeDirection.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallStatus> activeStatusProperty() { return callProps.activeStatus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeDurationProperty() { return callProps.activeDuration.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeHeldProperty() { return callProps.activeHeld.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeConferenceProperty() { return callProps.activeConference.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty mutedProperty() { return callProps.muted.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallView> heldCallProperty() { return callProps.heldCall.getReadOnlyProperty(); }
    public ReadOnlyStringProperty heldNumberProperty() { return callProps.heldNumber.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallView> ringingInboundProperty() { return callProps.ringingInbound.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Integer> waitingCallersProperty() { return waitingCallers.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Event.Notice> lastNoticeProperty() { return messages.lastNoticeProperty(); }
    public ReadOnlyObjectProperty<Event.SessionError> lastErrorProperty() { return messages.lastErrorProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return messages.messageProperty(); }
    public ReadOnlyLongProperty malformedCountProperty() { return malformedCount.getReadOnlyProperty(); }
    public ReadOnlyLongProperty droppedCountProperty() { return droppedCount.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeMediaProperty() { return callProps.activeMedia.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty recordingProperty() { return callProps.recording.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty maskedProperty() { return callProps.masked.getReadOnlyProperty(); }
    public ObservableList<dev.unibar.core.model.Participant> participants() { return callProps.participantsView; }
    public ReadOnlyBooleanProperty conferenceRunningProperty() { return callProps.conferenceRunning.getReadOnlyProperty(); }
    /** Numbers of this session's calls, newest first. */
    public ObservableList<String> recentNumbers() { return callProps.recentNumbersView; }
    public ReadOnlyLongProperty mappedCountProperty() { return mappedCount.getReadOnlyProperty(); }
    public java.util.Map<String, dev.unibar.core.model.CallEnd> endCauses() { return session.endCauses(); }
}
