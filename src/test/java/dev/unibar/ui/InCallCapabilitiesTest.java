package dev.unibar.ui;

import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Capabilities decide: a vendor without tones, swap, recording, masking, voicemail, pick-up or conference
 * management gets none of those controls; one that needs a number to conference gets a required field.
 * Also the transfer directory and the favourites store.
 */
@ExtendWith(ApplicationExtension.class)
class InCallCapabilitiesTest {

    private static final CommandKind[] EXTRAS = {CommandKind.SEND_DTMF, CommandKind.SWAP,
            CommandKind.START_RECORDING, CommandKind.STOP_RECORDING, CommandKind.MASK, CommandKind.UNMASK,
            CommandKind.TO_VOICEMAIL, CommandKind.PICKUP, CommandKind.LEAVE_CONFERENCE,
            CommandKind.CANCEL_CONFERENCE, CommandKind.REMOVE_PARTICIPANT};
    /** "More" entries for the extras. */
    private static final List<String> EXTRA_IDS = List.of("swap", "recordToggle", "maskToggle", "toVoicemail", "pickup");

    private final List<Session> sessions = new ArrayList<>();

    @AfterEach
    void stop() {
        sessions.forEach(Session::stop);
    }

    private record Bar(FakeConnector connector, BarViewModel vm, BarView view) {
        Node find(String id) {
            Node n = Fx.get(() -> view.lookup(id));
            if (n != null) return n;
            return Fx.get(() -> view.popoverContents().stream().map(p -> p.lookup(id)).filter(x -> x != null)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + id)));
        }
    }

    private Bar bar(Capabilities caps) {
        FakeConnector c = new FakeConnector(caps);
        Session s = new Session(c, Clock.systemUTC());
        sessions.add(s);
        BarViewModel vm = Fx.get(() -> new BarViewModel(s));
        BarView v = Fx.get(() -> new BarView(vm, Messages.forLanguage("en"), LoginForm.plain(null), null, null));
        s.start();
        c.push(Scenes.loggedInReady());
        Fx.until("ready", () -> vm.agentStateProperty().get() == AgentState.READY);
        return new Bar(c, vm, v);
    }

    private static void talking(Bar b) {
        b.connector().push(Scenes.ringing("c1"), Scenes.connected("c1"));
        Fx.until("talking", () -> b.vm().isEnabled(CommandKind.CONFERENCE));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> moreIds(Bar b) {
        return Fx.get(() -> b.view().callControls().more().getItems().stream().map(i -> i.getId()).toList());
    }

    /** Where Hang up stands in the primary row, laid out in a scene of its own. */
    private static double hangUpX(Bar b) {
        return Fx.get(() -> {
            if (b.view().getScene() == null) new javafx.scene.Scene(b.view(), 900, 300);
            b.view().applyCss();
            b.view().layout();
            Node row = b.view().callControls();
            Node hangup = b.find("#hangup");
            assertTrue(hangup.isVisible(), "Hang up shown");
            return hangup.localToScene(0, 0).getX() - row.localToScene(0, 0).getX();
        });
    }

    /** Two bars on a call: a vendor that can do everything, and one without mute or transfer. */
    private List<Bar> talkingWithAndWithoutMuteOrTransfer() {
        Bar full = bar(FakeConnector.capabilitiesWithout());
        Bar fewer = bar(FakeConnector.capabilitiesWithout(CommandKind.MUTE, CommandKind.UNMUTE, CommandKind.BLIND_TRANSFER,
                CommandKind.CONSULT, CommandKind.COMPLETE_TRANSFER));
        talking(full);
        talking(fewer);
        return List.of(full, fewer);
    }

    /** Issue 20: the same controls in the same places, whatever the vendor can do besides. */
    @Test
    void hangUpStandsInTheSamePlaceForAVendorWithoutMuteOrTransfer() {
        List<Bar> both = talkingWithAndWithoutMuteOrTransfer();
        Bar full = both.get(0);
        Bar fewer = both.get(1);
        assertFalse(Fx.get(() -> fewer.find("#transfer").isVisible()), "no Transfer for a vendor without it");
        assertEquals(hangUpX(full), hangUpX(fewer), 0.5, "Hang up's place in the row");
    }

    /** The window's first frame is narrow (icons alone), then the bar gets its width: every place widens. */
    @Test
    void aPlaceTheVendorCannotFillWidensWithTheRowAfterANarrowFirstFrame() {
        List<Bar> both = talkingWithAndWithoutMuteOrTransfer();
        Bar full = both.get(0);
        Bar fewer = both.get(1);
        for (Bar b : both) {
            Fx.run(() -> {
                javafx.scene.Scene scene = new javafx.scene.Scene(b.view(), 200, 300);
                b.view().applyCss();
                b.view().layout();
                assertTrue(b.view().callControls().isCompact(), "icons alone at 200 px");
                scene.setRoot(new javafx.scene.Group());
                new javafx.scene.Scene(b.view(), 900, 300);
                b.view().applyCss();
                b.view().layout();
            });
        }
        assertFalse(Fx.get(() -> fewer.view().callControls().isCompact()), "words again at 900 px");
        assertEquals(hangUpX(full), hangUpX(fewer), 0.5, "Hang up's place in the row");
    }

    @Test
    void callDataGoesToTheCallOnTheLineAndInAfterCallWorkToTheOneThatEnded() {
        Bar b = bar(FakeConnector.capabilitiesWithout());
        talking(b);
        Fx.until("More offers call data", () -> b.view().callControls().more().entry("callData").isVisible());
        Fx.run(() -> b.vm().callCommands().setCallData(" TICKET ", "42"));
        Fx.until("on the call", () -> b.connector().commands.contains(new Command.SetCallData("c1", Map.of("TICKET", "42"))));
        b.connector().push(new Event.CallEnded(Scenes.V, null, "c1", null), new Event.CallWrapUp(Scenes.V, null, "c1"));
        Fx.until("after-call work", () -> b.vm().stateProperty().get().calls().isEmpty()
                && b.vm().isEnabled(CommandKind.SET_CALL_DATA));
        assertTrue(Fx.get(() -> b.view().callControls().more().entry("callData").isVisible()), "still offered in wrap-up");
        Fx.run(() -> b.vm().callCommands().setCallData("RESULT", "sold"));
        Fx.until("on the call that ended", () -> b.connector().commands.contains(
                new Command.SetCallData("c1", Map.of("RESULT", "sold"))));
    }

    @Test
    void aVendorWithoutTheExtrasShowsNoneOfThem() {
        Bar without = bar(FakeConnector.capabilitiesWithout(EXTRAS));
        Bar with = bar(FakeConnector.capabilitiesWithout());
        for (String id : EXTRA_IDS) {
            assertFalse(moreIds(without).contains(id), id + " offered by a vendor without it");
            assertTrue(moreIds(with).contains(id), id + " missing");
        }
        assertTrue(Fx.get(() -> without.find("#dialPad").isManaged()), "the pad still dials");
        assertFalse(Fx.get(() -> without.find("#conferenceRunning").isVisible()));
        assertTrue(Fx.get(() -> with.find("#conferenceRunning").isVisible()));
    }

    @Test
    void aVendorWithNothingForMoreOrThePadHasNeither() {
        Bar bare = bar(FakeConnector.capabilitiesWithout(CommandKind.SEND_DTMF, CommandKind.DIAL, CommandKind.SWAP,
                CommandKind.START_RECORDING, CommandKind.STOP_RECORDING, CommandKind.MASK, CommandKind.UNMASK,
                CommandKind.TO_VOICEMAIL, CommandKind.PICKUP, CommandKind.CANCEL_CONSULT, CommandKind.CONFERENCE,
                CommandKind.END_CONFERENCE, CommandKind.SET_ACCOUNT_CODE, CommandKind.DOWNLOAD_RECORDING,
                CommandKind.SET_CALL_DATA));
        assertFalse(Fx.get(() -> bare.find("#more").isManaged()), "no empty More");
        assertFalse(Fx.get(() -> bare.find("#dialPad").isManaged()), "no pad where the vendor neither dials nor tones");
        assertTrue(Fx.get(() -> bare.find("#hold").isManaged()), "the primary actions stay");
    }

    @Test
    void theConferenceNumberIsRequiredWhereTheVendorSaysSo() {
        Bar needs = bar(FakeConnector.builderWithout(false).requiresTarget(CommandKind.CONFERENCE).build());
        Bar optional = bar(FakeConnector.capabilitiesWithout());
        talking(needs);
        talking(optional);
        Messages en = Messages.forLanguage("en");
        assertEquals(en.get("conference.hint.participant"), Fx.get(() -> ((Label) needs.find("#conferenceHint")).getText()));
        assertEquals(en.get("conference.hint"), Fx.get(() -> ((Label) optional.find("#conferenceHint")).getText()));
        Button start = (Button) needs.find("#conferenceStart");
        assertTrue(Fx.get(start::isDisabled), "no conference without a number where the vendor needs one");
        Fx.run(start::fire);
        Fx.run(() -> ((TextField) needs.find("#conferenceParticipant")).setText("2002"));
        assertFalse(Fx.get(start::isDisabled));
        Fx.run(start::fire);
        Fx.until("conference with the number", () -> needs.connector().commands.contains(
                new Command.Conference("c1", "2002", false)));
        assertEquals(1, needs.connector().commands.stream().filter(c -> c instanceof Command.Conference).count());
        assertFalse(Fx.get(() -> optional.find("#conferenceStart").isDisabled()), "the held caller may be joined");
    }

    @Test
    void theTransferDirectoryOffersFavouritesAndRecentNumbersAndOnlyFillsTheNumber() {
        Bar b = bar(FakeConnector.capabilitiesWithout());
        b.connector().push(Scenes.ringing("c1"), Scenes.connected("c1"),
                new Event.CallEnded(Scenes.V, null, "c1", "remote"),
                new Event.CallDialing(Scenes.V, null, "c2", Scenes.outbound("c2", "2002")),
                new Event.CallConnected(Scenes.V, null, "c2", null));
        Fx.until("second call up", () -> b.vm().recentNumbers().size() == 2);
        Favourites favs = Favourites.inMemory(List.of("3003"));
        TransferPopOver pop = Fx.get(() -> new TransferPopOver(b.vm(), Messages.forLanguage("en"), false, favs));
        // 2002 is on the line: transferring the caller to their own number is never offered.
        assertEquals(List.of(new TransferPopOver.Entry("3003", true), new TransferPopOver.Entry(Scenes.NUMBER, false)),
                Fx.get(() -> List.copyOf(pop.entries())));

        Node pane = pop.getContentNode();
        @SuppressWarnings("unchecked")
        ListView<TransferPopOver.Entry> dir = (ListView<TransferPopOver.Entry>) pane.lookup("#transferDirectory");
        TextField target = (TextField) pane.lookup("#transferTarget");
        Fx.run(() -> {
            dir.getSelectionModel().select(1);
            dir.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        assertEquals(Scenes.NUMBER, Fx.get(target::getText));
        assertTrue(b.connector().commands.stream().noneMatch(c -> c instanceof Command.BlindTransfer
                || c instanceof Command.Consult), "picking never transfers");

        Button star = (Button) pane.lookup("#favouriteToggle");
        assertEquals("Favourite", Fx.get(star::getText));
        Fx.run(star::fire);
        assertEquals("Unfavourite", Fx.get(star::getText));
        assertEquals(new TransferPopOver.Entry(Scenes.NUMBER, true), Fx.get(() -> pop.entries().get(1)));
        assertEquals(2, Fx.get(() -> pop.entries().size()), "a favourite is not listed twice");
        Fx.run(() -> ((Button) pane.lookup("#blindTransfer")).fire());
        Fx.until("transfer", () -> b.connector().commands.contains(
                new Command.BlindTransfer("c2", Scenes.NUMBER, false)));
        b.connector().push(new Event.CallEnded(Scenes.V, null, "c2", "transferred"));
        Fx.until("2002 is a recent number again once its call ended", () -> pop.entries().contains(
                new TransferPopOver.Entry("2002", false)));
    }

    @Test
    void enterInTheTransferNumberTransfersOrSaysWhyNot() {
        Bar b = bar(FakeConnector.capabilitiesWithout());
        TransferPopOver pop = Fx.get(() -> new TransferPopOver(b.vm(), Messages.forLanguage("en"), false,
                Favourites.inMemory(List.of())));
        TextField target = (TextField) pop.getContentNode().lookup("#transferTarget");
        Label hint = (Label) pop.getContentNode().lookup("#transferHint");
        // What Enter in a text field does (the field's skin turns the key into this action).
        javafx.event.ActionEvent enter = new javafx.event.ActionEvent();
        Fx.run(() -> target.fireEvent(enter.copyFor(target, target)));
        assertEquals("The call cannot be transferred now.", Fx.get(hint::getText), "nothing to transfer yet");
        talking(b);
        Fx.run(() -> target.fireEvent(enter.copyFor(target, target)));
        assertEquals("Type the number to transfer to first.", Fx.get(hint::getText));
        Fx.run(() -> {
            target.setText("2005");
            target.fireEvent(enter.copyFor(target, target));
        });
        Fx.until("Enter transferred the call", () -> b.connector().commands.contains(
                new Command.BlindTransfer("c1", "2005", false)));
        assertEquals("", Fx.get(hint::getText));
    }

    @Test
    void favouritesOutliveTheBarInTheirStore() {
        List<List<String>> saved = new ArrayList<>();
        List<String> held = new ArrayList<>(List.of("2002"));
        Favourites.Store store = new Favourites.Store() {
            @Override
            public List<String> load() {
                return List.copyOf(held);
            }

            @Override
            public void save(List<String> numbers) {
                saved.add(numbers);
                held.clear();
                held.addAll(numbers);
            }
        };
        Favourites f = new Favourites(store);
        f.toggle(" 5511 ");
        f.toggle("2002");
        assertEquals(List.of(List.of("2002", "5511"), List.of("5511")), saved);
        assertEquals(List.of("5511"), List.copyOf(new Favourites(store).numbers()));
    }
}
