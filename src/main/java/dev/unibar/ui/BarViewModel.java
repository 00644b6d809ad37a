package dev.unibar.ui;

import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Call;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
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
    private final ReadOnlyStringWrapper timeInState = new ReadOnlyStringWrapper(this, "timeInState", "");
    private final ReadOnlyStringWrapper pauseRemaining = new ReadOnlyStringWrapper(this, "pauseRemaining", "");
    private final ObservableList<PauseReason> pauseReasons = FXCollections.observableArrayList();
    private final ObservableList<CallView> calls = FXCollections.observableArrayList();
    private final ObservableList<Device> devices = FXCollections.observableArrayList();
    // One read-only view each, kept here: a fresh wrapper per call is only weakly attached to its
    // source, so listeners added to it would be lost when it is collected.
    private final ObservableList<PauseReason> pauseReasonsView = FXCollections.unmodifiableObservableList(pauseReasons);
    private final ObservableList<CallView> callsView = FXCollections.unmodifiableObservableList(calls);
    private final ObservableList<Device> devicesView = FXCollections.unmodifiableObservableList(devices);
    private final ReadOnlyObjectWrapper<Device> device = new ReadOnlyObjectWrapper<>(this, "device");
    private final ReadOnlyObjectWrapper<CallView> activeCall = new ReadOnlyObjectWrapper<>(this, "activeCall");
    private final ReadOnlyStringWrapper activeNumber = new ReadOnlyStringWrapper(this, "activeNumber", "");
    private final ReadOnlyStringWrapper activeName = new ReadOnlyStringWrapper(this, "activeName", "");
    private final ReadOnlyStringWrapper activeCustomerId = new ReadOnlyStringWrapper(this, "activeCustomerId", "");
    private final ReadOnlyStringWrapper activeQueue = new ReadOnlyStringWrapper(this, "activeQueue", "");
    private final ReadOnlyObjectWrapper<Direction> activeDirection = new ReadOnlyObjectWrapper<>(this, "activeDirection");
    private final ReadOnlyObjectWrapper<CallStatus> activeStatus = new ReadOnlyObjectWrapper<>(this, "activeStatus");
    private final ReadOnlyStringWrapper activeDuration = new ReadOnlyStringWrapper(this, "activeDuration", "");
    private final ReadOnlyBooleanWrapper activeHeld = new ReadOnlyBooleanWrapper(this, "activeHeld");
    private final ReadOnlyBooleanWrapper activeConference = new ReadOnlyBooleanWrapper(this, "activeConference");
    private final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    private final ReadOnlyObjectWrapper<CallView> heldCall = new ReadOnlyObjectWrapper<>(this, "heldCall");
    private final ReadOnlyStringWrapper heldNumber = new ReadOnlyStringWrapper(this, "heldNumber", "");
    private final ReadOnlyObjectWrapper<CallView> ringingInbound = new ReadOnlyObjectWrapper<>(this, "ringingInbound");
    private final ReadOnlyObjectWrapper<Integer> waitingCallers = new ReadOnlyObjectWrapper<>(this, "waitingCallers");
    private final ReadOnlyObjectWrapper<Event.Notice> lastNotice = new ReadOnlyObjectWrapper<>(this, "lastNotice");
    private final ReadOnlyObjectWrapper<Event.SessionError> lastError = new ReadOnlyObjectWrapper<>(this, "lastError");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyLongWrapper malformedCount = new ReadOnlyLongWrapper(this, "malformedCount");
    private final ReadOnlyLongWrapper droppedCount = new ReadOnlyLongWrapper(this, "droppedCount");
    private final ReadOnlyLongWrapper mappedCount = new ReadOnlyLongWrapper(this, "mappedCount");

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

    private final AtomicLong messageSeq = new AtomicLong();

    public BarViewModel(Session session) {
        this(session, Clock.systemUTC());
    }

    public BarViewModel(Session session, Clock clock) {
        this.session = session;
        this.caps = session.connector().capabilities();
        this.clock = clock;
        for (CommandKind k : CommandKind.values()) {
            enabled.put(k, new ReadOnlyBooleanWrapper(this, "enabled" + k, false));
            supported.put(k, new ReadOnlyBooleanWrapper(this, "supported" + k, caps.supports(k)));
        }
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
        for (CommandKind k : CommandKind.values()) enabled.get(k).set(Guard.allowed(caps, s, k));
        phase.set(s.phase());
        connection.set(s.connection());
        agentName.set(s.agent() == null ? "" : firstNonBlank(s.agent().name(), s.agent().login(), s.agent().id()));
        agentState.set(s.agentState());
        stateReason.set(s.stateReason());
        stateReasonLabel.set(reasonLabel(s));
        stateProductive.set(s.stateProductive());
        if (!pauseReasons.equals(s.pauseReasons())) pauseReasons.setAll(s.pauseReasons());
        List<CallView> list = s.callList();
        if (!calls.equals(list)) calls.setAll(list);
        if (!devices.equals(s.devices())) devices.setAll(s.devices());
        device.set(s.device());

        CallView active = s.activeCall().orElse(null);
        activeCall.set(active);
        Call c = active == null ? null : active.call();
        activeNumber.set(c == null ? "" : nz(c.remoteNumber()));
        activeName.set(c == null ? "" : nz(c.remoteName()));
        activeCustomerId.set(c == null || c.customer() == null ? "" : nz(c.customer().externalId()));
        activeQueue.set(c == null ? "" : queueOrCampaign(c));
        activeDirection.set(c == null ? null : c.direction());
        activeStatus.set(active == null ? null : active.status());
        activeHeld.set(active != null && active.status() == CallStatus.HELD);
        activeConference.set(active != null && active.conference());
        muted.set(active != null && active.muted());
        // The second line only makes sense while another call is the active one (a consultation).
        CallView held = s.heldCall().filter(h -> active != null && !h.id().equals(active.id())).orElse(null);
        heldCall.set(held);
        heldNumber.set(held == null ? "" : firstNonBlank(held.call().remoteNumber(), held.call().remoteName(), ""));
        ringingInbound.set(s.ringingInbound().orElse(null));
        waitingCallers.set(s.waitingCallers());
        Message shown = message.get();
        if (shown != null && shown.staleWhenSituationChanges() && situationChanged(before, s)) message.set(null);
        showSessionError(before, s);
        if (s.lastNotice() != null && (before == null || s.lastNotice() != before.lastNotice())) {
            lastNotice.set(s.lastNotice());
            Event.Notice n = s.lastNotice();
            if (n.message() != null && !n.message().isBlank()) {
                message.set(new Message(n.level(), n.message(), messageSeq.incrementAndGet(), null, List.of(), true, n));
            }
        }
        tick();
    }

    /**
     * A session error that arrives while the agent works goes to the message strip; only one that
     * arrives before or during sign-in belongs on the sign-in form. Leaving the working phase (log-out)
     * takes an old error off the form: it described a session that is over.
     */
    private void showSessionError(BarState before, BarState s) {
        Event.SessionError err = s.lastError();
        boolean fresh = err != null && (before == null || err != before.lastError());
        if (fresh && s.phase() == SessionPhase.READY) {
            showMessage(NoticeLevel.ERROR, err.message());
            lastError.set(null);
        } else if (fresh) {
            lastError.set(err);
        } else if (err == null || s.phase() == SessionPhase.READY
                || (before != null && before.phase() == SessionPhase.READY)) {
            lastError.set(null);
        }
    }

    /** What the agent can act on changed: the agent state, the phase, or the calls and their status. */
    private static boolean situationChanged(BarState before, BarState s) {
        if (before == null) return false;
        if (before.phase() != s.phase() || before.agentState() != s.agentState()
                || !java.util.Objects.equals(before.stateReason(), s.stateReason())) return true;
        if (!before.calls().keySet().equals(s.calls().keySet())) return true;
        for (CallView c : s.calls().values()) {
            CallView b = before.calls().get(c.id());
            if (b == null || b.status() != c.status() || b.muted() != c.muted()) return true;
        }
        return false;
    }

    private void tick() {
        BarState s = state.get();
        if (s == null) return;
        Instant now = clock.instant();
        timeInState.set(s.stateSince() == null || s.agentState() == null ? "" : elapsed(s.stateSince(), now));
        pauseRemaining.set(remaining(s, now));
        CallView a = s.activeCall().orElse(null);
        if (a == null) {
            activeDuration.set("");
        } else {
            Instant from = a.connectedAt() != null ? a.connectedAt() : a.since();
            activeDuration.set(from == null ? "" : elapsed(from, now));
        }
    }

    /** A pause with a maximum duration counts down to it, then up past it with a "+". */
    static String remaining(BarState s, Instant now) {
        if (s.stateMaxSeconds() == null || s.stateSince() == null || s.agentState() != AgentState.NOT_READY) return "";
        long left = s.stateMaxSeconds() - java.time.Duration.between(s.stateSince(), now).getSeconds();
        Instant zero = Instant.EPOCH;
        return left >= 0 ? "-" + elapsed(zero, zero.plusSeconds(left)) : "+" + elapsed(zero, zero.plusSeconds(-left));
    }

    static String elapsed(Instant from, Instant now) {
        long secs = Math.max(0, java.time.Duration.between(from, now).getSeconds());
        long h = secs / 3600, m = (secs % 3600) / 60, sec = secs % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%02d:%02d", m, sec);
    }

    private static String reasonLabel(BarState s) {
        String r = s.stateReason();
        if (r == null) return "";
        for (PauseReason p : s.pauseReasons()) {
            if (r.equals(p.id()) || r.equals(p.label())) return p.label() != null ? p.label() : r;
        }
        return r;
    }

    private static String queueOrCampaign(Call c) {
        if (c.queue() != null) return firstNonBlank(c.queue().name(), c.queue().number(), c.queue().id());
        if (c.campaign() != null) return firstNonBlank(c.campaign().name(), c.campaign().id(), "");
        return "";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void refuse(CommandKind kind) {
        Runnable r = () -> message.set(new Message(NoticeLevel.WARNING, kind + " is not possible now",
                messageSeq.incrementAndGet(), "refused.notNow", List.of(new TextKey("command." + kind.name()))));
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    /** Takes the message off the strip (its timer ran out, or the agent dismissed it). */
    public void clearMessage() {
        message.set(null);
    }

    private void showMessage(NoticeLevel level, String text) {
        if (text == null || text.isBlank()) return;
        message.set(new Message(level, text, messageSeq.incrementAndGet()));
    }

    // ---- commands ----

    /**
     * Sends a command; a refusal (by the guard or the vendor) becomes the message the bar shows.
     * Safe to call from any thread; the message is set on the FX thread.
     */
    public CompletionStage<Void> send(Command command) {
        BarState now = state.get();
        if (now != null && !Guard.allowed(caps, now, command.kind())) {
            // The bar's own refusal, in the agent's language (the session's text is for logs).
            refuse(command.kind());
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException(command.kind() + " is not allowed now"));
        }
        return session.send(command).whenComplete((ok, err) -> {
            if (err == null) return;
            Throwable cause = dev.unibar.core.Failures.unwrap(err);
            // The session already turned a vendor's keyed refusal into a notice in the agent's language.
            if (cause instanceof dev.unibar.core.model.Notices.Refusal) return;
            String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            if (Platform.isFxApplicationThread()) {
                showMessage(NoticeLevel.ERROR, text);
            } else {
                Platform.runLater(() -> showMessage(NoticeLevel.ERROR, text));
            }
        });
    }

    private boolean can(CommandKind k) {
        return enabled.get(k).get();
    }

    private Optional<String> activeId() {
        return Optional.ofNullable(state.get()).flatMap(BarState::activeCall).map(CallView::id);
    }

    private Optional<String> heldId() {
        return Optional.ofNullable(state.get()).flatMap(BarState::heldCall).map(CallView::id);
    }

    public void answer() {
        Optional.ofNullable(ringingInbound.get()).ifPresent(c -> send(new Command.Answer(c.id())));
    }

    public void reject() {
        Optional.ofNullable(ringingInbound.get()).ifPresent(c -> send(new Command.Reject(c.id())));
    }

    public void hangup() {
        activeId().ifPresent(id -> send(new Command.Hangup(id)));
    }

    /** Resume when a held call may be resumed, else hold the active call. */
    public void toggleHold() {
        if (can(CommandKind.RESUME)) heldId().ifPresent(id -> send(new Command.Resume(id)));
        else if (can(CommandKind.HOLD)) activeId().ifPresent(id -> send(new Command.Hold(id)));
    }

    public void toggleMute() {
        if (can(CommandKind.UNMUTE)) activeId().ifPresent(id -> send(new Command.Unmute(id)));
        else if (can(CommandKind.MUTE)) activeId().ifPresent(id -> send(new Command.Mute(id)));
    }

    public boolean holdOrResumeAllowed() {
        return can(CommandKind.HOLD) || can(CommandKind.RESUME);
    }

    public boolean muteOrUnmuteAllowed() {
        return can(CommandKind.MUTE) || can(CommandKind.UNMUTE);
    }

    public void blindTransfer(String target) {
        blindTransfer(target, false);
    }

    /** {@code internal} marks the target as an extension, for vendors that route those differently (EPBX). */
    public void blindTransfer(String target, boolean internal) {
        if (blank(target)) return;
        activeId().ifPresent(id -> send(new Command.BlindTransfer(id, target.trim(), internal)));
    }

    public void consult(String target) {
        consult(target, false);
    }

    public void consult(String target, boolean internal) {
        if (blank(target)) return;
        activeId().ifPresent(id -> send(new Command.Consult(id, target.trim(), internal)));
    }

    /** The original caller is the held one: the transfer joins it with the consulted party. */
    public void completeTransfer() {
        heldId().or(this::activeId).ifPresent(id -> send(new Command.CompleteTransfer(id)));
    }

    public void conference() {
        conference(null, false);
    }

    /**
     * With a participant, the vendor calls that number into the conference (EPBX needs one); without one,
     * the held caller and the consulted party are joined, and "internal" means nothing.
     */
    public void conference(String participant, boolean internal) {
        String p = blank(participant) ? null : participant.trim();
        heldId().or(this::activeId).ifPresent(id -> send(new Command.Conference(id, p, p != null && internal)));
    }

    public void endConference() {
        BarState s = state.get();
        if (s == null) return;
        s.calls().values().stream().filter(CallView::conference).findFirst()
                .ifPresent(c -> send(new Command.EndConference(c.id())));
    }

    public void dial(String number) {
        dial(number, null, false);
    }

    /** {@code queueId} is an outbound queue or campaign (blank: none); {@code internal} marks an extension. */
    public void dial(String number, String queueId, boolean internal) {
        if (blank(number)) return;
        send(new Command.Dial(number.trim(), blank(queueId) ? null : queueId.trim(), internal));
    }

    public void logout() {
        send(new Command.Logout());
    }

    public void suspendQueue(String queueId) {
        if (blank(queueId)) return;
        send(new Command.SuspendQueue(queueId.trim()));
    }

    public void resumeQueue(String queueId) {
        if (blank(queueId)) return;
        send(new Command.ResumeQueue(queueId.trim()));
    }

    /** True while any call is on the line (ringing, talking or held): logging out then needs a confirmation. */
    public boolean hasCalls() {
        BarState s = state.get();
        return s != null && !s.calls().isEmpty();
    }

    public void ready() {
        send(new Command.SetState(AgentState.READY, null));
    }

    public void pause(String reasonId) {
        send(new Command.SetState(AgentState.NOT_READY, reasonId));
    }

    public void offline() {
        send(new Command.SetState(AgentState.OFFLINE, null));
    }

    /** The call an account code applies to: the one on the line, else the one that just ended. */
    public Optional<String> accountCodeCallId() {
        BarState s = state.get();
        if (s == null) return Optional.empty();
        Optional<String> a = s.activeCall().map(CallView::id);
        return a.isPresent() ? a : Optional.ofNullable(s.lastEnded()).map(CallView::id);
    }

    public void setAccountCode(String code) {
        if (blank(code)) return;
        accountCodeCallId().ifPresent(id -> send(new Command.SetAccountCode(id, code.trim(), null, false)));
    }

    /** The newest call with a recording on offer. */
    public Optional<String> recordingCallId() {
        BarState s = state.get();
        if (s == null || s.recordings().isEmpty()) return Optional.empty();
        List<String> ids = new ArrayList<>(s.recordings().keySet());
        return Optional.of(ids.get(ids.size() - 1));
    }

    public void downloadRecording(String folder) {
        if (blank(folder)) return;
        recordingCallId().ifPresent(id -> send(new Command.DownloadRecording(id, folder)));
    }

    /** True when the vendor's configuration names the recordings folder, so the bar need not ask for one. */
    public boolean recordingsFolderConfigured() {
        return session.connector().hasRecordingsFolder();
    }

    /** Downloads into the folder the vendor's configuration names. */
    public void downloadRecordingToConfiguredFolder() {
        recordingCallId().ifPresent(id -> send(new Command.DownloadRecording(id, null)));
    }

    public void login(String username, char[] password, boolean remember, String device, String deviceType) {
        // The password lives in a String only for the Command record; it is never put in a property.
        String pw = new String(password);
        java.util.Arrays.fill(password, '\0');
        send(blank(device) ? new Command.Login(username, pw, remember)
                : new Command.Login(username, pw, remember, device.trim(), deviceType));
    }

    public void sso(String username) {
        send(new Command.Sso(username));
    }

    public void selectDevice(String id) {
        if (blank(id)) return;
        send(new Command.SelectDevice(id.trim()));
    }

    public void provision() {
        send(new Command.Provision());
    }

    public void identify() {
        send(new Command.Identify());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

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
        return can(k);
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
    public ReadOnlyStringProperty timeInStateProperty() { return timeInState.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pauseRemainingProperty() { return pauseRemaining.getReadOnlyProperty(); }
    public ObservableList<PauseReason> pauseReasons() { return pauseReasonsView; }
    public ObservableList<CallView> calls() { return callsView; }
    public ObservableList<Device> devices() { return devicesView; }
    public ReadOnlyObjectProperty<Device> deviceProperty() { return device.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallView> activeCallProperty() { return activeCall.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeNumberProperty() { return activeNumber.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeNameProperty() { return activeName.getReadOnlyProperty(); }
    /** The customer's id in the vendor's or CRM's records (a dialer's external id), for the agent to look up. */
    public ReadOnlyStringProperty activeCustomerIdProperty() { return activeCustomerId.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeQueueProperty() { return activeQueue.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Direction> activeDirectionProperty() { return activeDirection.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallStatus> activeStatusProperty() { return activeStatus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeDurationProperty() { return activeDuration.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeHeldProperty() { return activeHeld.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeConferenceProperty() { return activeConference.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty mutedProperty() { return muted.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallView> heldCallProperty() { return heldCall.getReadOnlyProperty(); }
    public ReadOnlyStringProperty heldNumberProperty() { return heldNumber.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CallView> ringingInboundProperty() { return ringingInbound.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Integer> waitingCallersProperty() { return waitingCallers.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Event.Notice> lastNoticeProperty() { return lastNotice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Event.SessionError> lastErrorProperty() { return lastError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyLongProperty malformedCountProperty() { return malformedCount.getReadOnlyProperty(); }
    public ReadOnlyLongProperty droppedCountProperty() { return droppedCount.getReadOnlyProperty(); }
    public ReadOnlyLongProperty mappedCountProperty() { return mappedCount.getReadOnlyProperty(); }
}
