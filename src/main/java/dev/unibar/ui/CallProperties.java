package dev.unibar.ui;

import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Participant;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;

/** The calls as the call card and controls read them: the active call's details, the held one, the ringing one. */
final class CallProperties {

    static final int RECENT = 8;

    private CallView lastEnded;

    final ObservableList<CallView> calls = FXCollections.observableArrayList();
    // Kept here: a fresh read-only wrapper per call is only weakly attached to its source, so listeners
    // added to it would be lost when it is collected.
    final ObservableList<CallView> callsView = FXCollections.unmodifiableObservableList(calls);
    final ReadOnlyObjectWrapper<CallView> activeCall = new ReadOnlyObjectWrapper<>(this, "activeCall");
    final ReadOnlyStringWrapper activeNumber = new ReadOnlyStringWrapper(this, "activeNumber", "");
    final ReadOnlyStringWrapper activeName = new ReadOnlyStringWrapper(this, "activeName", "");
    final ReadOnlyStringWrapper activeCustomerId = new ReadOnlyStringWrapper(this, "activeCustomerId", "");
    /** The address of the active customer's picture (from a customer lookup); empty when none. */
    final ReadOnlyStringWrapper activePicture = new ReadOnlyStringWrapper(this, "activePicture", "");
    final ReadOnlyStringWrapper activeQueue = new ReadOnlyStringWrapper(this, "activeQueue", "");
    final ReadOnlyObjectWrapper<Direction> activeDirection = new ReadOnlyObjectWrapper<>(this, "activeDirection");
    final ReadOnlyObjectWrapper<CallStatus> activeStatus = new ReadOnlyObjectWrapper<>(this, "activeStatus");
    final ReadOnlyStringWrapper activeDuration = new ReadOnlyStringWrapper(this, "activeDuration", "");
    final ReadOnlyBooleanWrapper activeHeld = new ReadOnlyBooleanWrapper(this, "activeHeld");
    final ReadOnlyBooleanWrapper activeConference = new ReadOnlyBooleanWrapper(this, "activeConference");
    final ReadOnlyBooleanWrapper muted = new ReadOnlyBooleanWrapper(this, "muted");
    final ReadOnlyObjectWrapper<CallView> heldCall = new ReadOnlyObjectWrapper<>(this, "heldCall");
    final ReadOnlyStringWrapper heldNumber = new ReadOnlyStringWrapper(this, "heldNumber", "");
    final ReadOnlyObjectWrapper<CallView> ringingInbound = new ReadOnlyObjectWrapper<>(this, "ringingInbound");
    /** The active contact's medium when it is not a voice call ({@code chat}, ...); empty for voice. */
    final ReadOnlyStringWrapper activeMedia = new ReadOnlyStringWrapper(this, "activeMedia", "");
    final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    final ReadOnlyBooleanWrapper masked = new ReadOnlyBooleanWrapper(this, "masked");
    /** The legs of the running conference, as the vendor reported them. */
    final ObservableList<Participant> participants = FXCollections.observableArrayList();
    final ObservableList<Participant> participantsView = FXCollections.unmodifiableObservableList(participants);
    /** The active call is a conference: the vendor said so, or it reported legs. */
    final ReadOnlyBooleanWrapper conferenceRunning = new ReadOnlyBooleanWrapper(this, "conferenceRunning");
    /** Numbers of this session's calls, newest first, for the transfer directory. */
    final ObservableList<String> recentNumbers = FXCollections.observableArrayList();
    final ObservableList<String> recentNumbersView = FXCollections.unmodifiableObservableList(recentNumbers);

    void apply(BarState s) {
        List<CallView> list = s.callList();
        if (!calls.equals(list)) calls.setAll(list);
        CallView active = s.activeCall().orElse(null);
        activeCall.set(active);
        Call c = active == null ? null : active.call();
        activeNumber.set(c == null ? "" : nz(c.remoteNumber()));
        // A name that only repeats the number (Evolux's click-to-call names the call by it) says nothing new.
        activeName.set(c == null || nz(c.remoteName()).trim().equals(nz(c.remoteNumber()).trim()) ? "" : nz(c.remoteName()));
        activeCustomerId.set(c == null || c.customer() == null ? "" : nz(c.customer().externalId()));
        activePicture.set(c == null ? "" : pictureOf(c));
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
        activeMedia.set(c == null || c.voice() ? "" : c.media());
        recording.set(active != null && active.recording());
        masked.set(active != null && active.masked());
        // The card and the conference pop-over speak of the active contact: a chat beside a conference shows no legs.
        List<Participant> legs = active == null ? List.of() : s.participantsOf(active.id());
        if (!participants.equals(legs)) participants.setAll(legs);
        conferenceRunning.set(active != null && (active.conference() || !legs.isEmpty()));
        // The store's updates are coalesced: a call that came and went within one burst is seen only as lastEnded.
        if (s.lastEnded() != null && s.lastEnded() != lastEnded) remember(s.lastEnded().call());
        lastEnded = s.lastEnded();
        for (CallView v : list) remember(v.call());
    }

    private void remember(Call c) {
        if (!c.voice()) return;
        String n = c.remoteNumber();
        if (n == null || n.isBlank() || (!recentNumbers.isEmpty() && recentNumbers.get(0).equals(n))) return;
        recentNumbers.remove(n);
        recentNumbers.add(0, n);
        if (recentNumbers.size() > RECENT) recentNumbers.remove(RECENT, recentNumbers.size());
    }

    void tick(BarState s, Instant now) {
        CallView a = s.activeCall().orElse(null);
        if (a == null) {
            activeDuration.set("");
        } else {
            Instant from = a.connectedAt() != null ? a.connectedAt() : a.since();
            activeDuration.set(from == null ? "" : BarViewModel.elapsed(from, now));
        }
    }

    private static String queueOrCampaign(Call c) {
        if (c.queue() != null) return firstNonBlank(c.queue().name(), c.queue().number(), c.queue().id());
        if (c.campaign() != null) return firstNonBlank(c.campaign().name(), c.campaign().id(), "");
        return "";
    }

    /** The address of the call's customer picture (a lookup's), or empty; the card and the pop-up read it alike. */
    static String pictureOf(Call c) {
        return c.customer() == null ? "" : nz(c.customer().picture());
    }

    static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
