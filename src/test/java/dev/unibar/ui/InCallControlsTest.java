package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Participant;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-call controls with a vendor that offers all of them (tones, swap, recording, masking,
 * voicemail, pick-up, conference management): each sends the command for the right call, keeps its
 * width, and is off for a chat.
 */
@ExtendWith(ApplicationExtension.class)
class InCallControlsTest {

    private FakeConnector connector;
    private BarViewModel vm;
    private BarView bar;

    @Start
    void start(Stage stage) {
        connector = new FakeConnector(FakeConnector.capabilitiesWithout());
        TestBar t = TestBar.show(stage, connector);
        vm = t.vm();
        bar = t.bar();
    }

    @org.junit.jupiter.api.BeforeEach
    void ready() {
        connector.push(Scenes.loggedInReady());
        Fx.until("ready", () -> vm.agentStateProperty().get() == AgentState.READY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    private void talking(String id) {
        connector.push(Scenes.ringing(id), Scenes.connected(id));
        Fx.until("talking", () -> vm.isEnabled(CommandKind.HOLD));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitCommand(Command expected) {
        Fx.until(expected.toString(), () -> connector.commands.contains(expected));
    }

    @Test
    void theOneDialPadSendsTonesWhileACallIsUp(FxRobot robot) {
        Button pad = node(robot, "#dialPad");
        assertFalse(Fx.get(pad::isDisabled), "with no call the pad dials");
        talking("c1");
        assertFalse(Fx.get(pad::isDisabled), "with a call up the same pad sends tones");
        Click.on(robot, "#dialPad");
        Fx.until("pad open in tones", () -> robot.lookup("#dtmfSent").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(Fx.get(() -> node(robot, "#dialNumber").isVisible()), "no number to dial during a call");
        Click.on(robot, "#key5");
        Click.on(robot, "#keyHash");
        awaitCommand(new Command.SendDtmf("c1", "5"));
        awaitCommand(new Command.SendDtmf("c1", "#"));
        assertEquals("5#", Fx.get(() -> ((javafx.scene.control.TextField) node(robot, "#dtmfSent")).getText()));
        assertTrue(connector.recorded(Command.Dial.class).isEmpty(), "tones never dial");
        // The keys never hold the focus: Space now must not send another tone.
        Node focused = Fx.get(() -> ((Node) node(robot, "#key5")).getScene().getFocusOwner());
        assertFalse(focused instanceof Button, "focus on " + focused);
        int before = connector.commands.size();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, connector.commands.size());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void swapIsOfferedWithAHeldCallAndNamesIt(FxRobot robot) {
        talking("c1");
        assertFalse(More.offered(bar, "swap"), "nothing to swap with one call");
        connector.push(new Event.CallHeld(Scenes.V, null, "c1"),
                new Event.CallDialing(Scenes.V, null, "c2", Scenes.outbound("c2", "2002")),
                new Event.CallConnected(Scenes.V, null, "c2", null));
        Fx.until("swap offered", () -> More.offered(bar, "swap"));
        More.choose(robot, "swap");
        awaitCommand(new Command.Swap("c1"));
    }

    @Test
    void recordingAndMaskToggleFollowTheCallAndNothingMoves(FxRobot robot) {
        talking("c1");
        Node more = node(robot, "#more");
        Node hangup = node(robot, "#hangup");
        Bounds moreAt = Fx.get(() -> more.localToScene(more.getLayoutBounds()));
        Bounds hangupAt = Fx.get(() -> hangup.localToScene(hangup.getLayoutBounds()));
        More.choose(robot, "recordToggle");
        awaitCommand(new Command.StartRecording("c1"));
        connector.push(new Event.CallRecordingStarted(Scenes.V, null, "c1"));
        Fx.until("shown as recording", () -> More.entry(bar, "recordToggle").getText().equals("Stop rec.")
                && node(robot, "#recordingBadge").isVisible());
        More.choose(robot, "maskToggle");
        awaitCommand(new Command.Mask("c1"));
        connector.push(new Event.CallMasked(Scenes.V, null, "c1"));
        Fx.until("shown as masked", () -> More.entry(bar, "maskToggle").getText().equals("Unmask")
                && node(robot, "#maskedBadge").isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(moreAt, Fx.get(() -> more.localToScene(more.getLayoutBounds())), "More moved");
        assertEquals(hangupAt, Fx.get(() -> hangup.localToScene(hangup.getLayoutBounds())), "the row moved");
        More.choose(robot, "recordToggle");
        awaitCommand(new Command.StopRecording("c1"));
        More.choose(robot, "maskToggle");
        awaitCommand(new Command.Unmask("c1"));
    }

    @Test
    void voicemailTakesTheRingingCallAndPickupAsksForTheExtension(FxRobot robot) {
        More.choose(robot, "pickup");
        Fx.until("pick-up open", () -> robot.lookup("#pickupExtension").tryQuery().isPresent());
        assertTrue(Fx.get(() -> node(robot, "#pickupTake").isDisabled()), "no pick-up without an extension");
        Click.on(robot, "#pickupExtension").write("2005").type(KeyCode.ENTER);
        awaitCommand(new Command.Pickup("2005"));
        connector.push(Scenes.ringing("c9"));
        Fx.until("voicemail offered", () -> More.offered(bar, "toVoicemail"));
        More.choose(robot, "toVoicemail");
        awaitCommand(new Command.ToVoicemail("c9"));
    }

    @Test
    void aRunningConferenceShowsItsLegsAndCanBeLeftOrTrimmed(FxRobot robot) {
        talking("c1");
        connector.push(new Event.CallConferenced(Scenes.V, null, "c1"),
                new Event.CallParticipant(Scenes.V, null, "c1", new Participant("p1", "2002", "connected")),
                new Event.CallParticipant(Scenes.V, null, "c1", new Participant("p2", "2003", "dialing")));
        Label badge = node(robot, "#conferenceBadge");
        Fx.until("badge counts the legs", () -> badge.isVisible() && badge.getText().equals("Conference (2)"));
        Label line = node(robot, "#conferenceLine");
        assertTrue(Fx.get(() -> line.isVisible() && line.getText().contains("2002 · connected")
                && line.getText().contains("2003 · calling")), Fx.get(line::getText));
        connector.push(new Event.CallParticipant(Scenes.V, null, "c1", new Participant("p2", "2003", "left")));
        Fx.until("a leg that left is gone", () -> badge.getText().equals("Conference (1)"));

        More.choose(robot, "conference");
        Fx.until("pop-over open", () -> robot.lookup("#conferenceParticipants").tryQuery().isPresent());
        ListView<Participant> legs = node(robot, "#conferenceParticipants");
        assertEquals(1, Fx.get(() -> legs.getItems().size()));
        assertTrue(Fx.get(() -> node(robot, "#conferenceRemove").isDisabled()), "nothing selected yet");
        Fx.run(() -> legs.getSelectionModel().select(0));
        Click.on(robot, "#conferenceRemove");
        awaitCommand(new Command.RemoveParticipant("c1", "2002"));
        Click.on(robot, "#conferenceLeave");
        awaitCommand(new Command.LeaveConference("c1"));
        connector.push(new Event.CallEnded(Scenes.V, null, "c1", "agent"));
        Fx.until("badge gone with the call", () -> !badge.isVisible());
        assertEquals(List.of(), Fx.get(() -> List.copyOf(vm.participants())));
    }

    @Test
    void aChatIsListedWithItsMediumAndHasNoPhoneControls(FxRobot robot) {
        talking("c1");
        connector.push(new Event.CallRinging(Scenes.V, null, "chat1", Scenes.contact("chat1", "chat", "Lucas")));
        Label contacts = node(robot, "#contactsLine");
        Label media = node(robot, "#callMedia");
        // The newest contact is the one the card shows; the call stays listed with its medium.
        Fx.until("both listed", () -> media.isVisible() && media.getText().equals("Chat")
                && contacts.isVisible() && contacts.getText().contains("Call: " + Scenes.NAME));

        connector.push(new Event.CallEnded(Scenes.V, null, "c1", "remote"),
                new Event.CallConnected(Scenes.V, null, "chat1", null));
        Fx.until("medium on the card", () -> media.isVisible() && media.getText().equals("Chat"));
        for (String id : List.of("#hold", "#mute", "#transfer", "#dialPad")) {
            assertTrue(Fx.get(() -> node(robot, id).isDisabled()), id + " must be off for a chat");
        }
        for (String id : List.of("recordToggle", "maskToggle", "toVoicemail", "swap", "conference")) {
            assertFalse(More.offered(bar, id), id + " must not be offered for a chat");
        }
        assertFalse(Fx.get(() -> node(robot, "#hangup").isDisabled()), "the chat can still be ended");
        assertTrue(Fx.get(() -> ((Node) node(robot, "#callCard")).getAccessibleText().contains("Chat")));
        // The shortcut and a direct command are refused as well.
        int before = connector.commands.size();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.run(() -> vm.callCommands().sendDtmf("1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, connector.commands.size(), String.valueOf(connector.commands));
    }
}
