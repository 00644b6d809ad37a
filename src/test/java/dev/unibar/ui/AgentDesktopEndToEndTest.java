package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.app.VendorContext;
import dev.unibar.connectors.agentdesktop.AgentDesktopMapper;
import dev.unibar.connectors.agentdesktop.AgentDesktopModule;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.connectors.agentdesktop.sim.Recorded;
import dev.unibar.core.command.Command;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.json.EventJson;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole AgentDesktop path: the native bar, the session, the connector and its widget server, the
 * simulator's AgentDesktop page in a real WebView loading Unibar's widget page in its side bar, the
 * fake Widget SDK over postMessage. Consultations are completed from the bar's own controls; the
 * assertions are on the SDK calls the simulator recorded, with their contact ids, in order.
 */
@ExtendWith(ApplicationExtension.class)
class AgentDesktopEndToEndTest {

    private AgentDesktopSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
        ctx = VendorContext.open(new AgentDesktopModule(), env -> AgentDesktopModule.forSimulator(sim, env), Clock.systemUTC());
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
        stage.show();
        ctx.session().start();
    }

    @AfterEach
    void stop() {
        // Unload the page before its servers stop (a WebView polling a dead server has crashed the JVM at exit).
        Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    /** The widget is loaded in AgentDesktop's side bar and the agent is logged in to the media from the bar. */
    private void widgetAndAgentReady(FxRobot robot) {
        Fx.until("the widget bound its callback in the simulated AgentDesktop", () -> calls().contains("WIDGET.bindContactCallback[]"));
        Fx.until("bar ready", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        Click.on(robot, "#stateSelector");
        Click.on(robot, "#state-READY");
        Fx.until("AGENT.Login recorded and the agent ready", () -> calls().contains("AGENT.Login[]")
                && ctx.session().store().state().agentState() == AgentState.READY);
    }

    /** An inbound call answered from the bar, then a consultation of 2001 started from the transfer pop-over. */
    private String[] consultationInProgress(FxRobot robot) {
        String main = sim.inbound("3393669393", "225727273", "QUEUE25");
        Fx.until("ringing", () -> !node(robot, "#answer").isDisabled());
        Click.on(robot, "#answer");
        Fx.until("talking", () -> ctx.session().store().state().activeCall()
                .map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
        Click.on(robot, "#transfer");
        Click.on(robot, "#transferTarget").write("2001");
        Click.on(robot, "#consult");
        Fx.until("the held call and the connected consultation leg", () -> {
            var calls = ctx.session().store().state().calls();
            return calls.size() == 2 && calls.get(main) != null && calls.get(main).status() == CallStatus.HELD
                    && calls.values().stream().anyMatch(c -> c.status() == CallStatus.CONNECTED);
        });
        String leg = ctx.session().store().state().calls().keySet().stream().filter(id -> !id.equals(main)).findFirst().orElseThrow();
        return new String[] {main, leg};
    }

    @Test
    void consultationCompletedAsTransferFromNativeControls(FxRobot robot) {
        widgetAndAgentReady(robot);
        String[] ids = consultationInProgress(robot);
        String main = ids[0];
        Click.on(robot, "#completeTransfer");
        Fx.until("the line is free and after-call work begins", () -> ctx.session().store().state().calls().isEmpty()
                && ctx.session().store().state().wrapUp());

        assertEquals(List.of("CONTACT.Answer[" + main + "]", "CONTACT.Transfer_Consultation[" + main + ", 2001]",
                "CONTACT.Transfer_Complete[" + main + "]"), contactCalls());

        // Ready again: after-call work is ended with OfflineEnd on the transferred contact.
        Click.on(robot, "#stateSelector");
        Click.on(robot, "#state-READY");
        Fx.until("OfflineEnd recorded", () -> calls().contains("CONTACT.OfflineEnd[" + main + "]"));
        Fx.until("wrap-up over", () -> !ctx.session().store().state().wrapUp());
        assertLiveEqualsTranslate();
    }

    @Test
    void consultationCompletedAsConferenceFromNativeControls(FxRobot robot) {
        widgetAndAgentReady(robot);
        String[] ids = consultationInProgress(robot);
        String main = ids[0];
        String leg = ids[1];
        More.choose(robot, "conference");
        Click.on(robot, "#conferenceStart");
        Fx.until("one call left, talking, in conference", () -> {
            var calls = ctx.session().store().state().calls();
            return calls.size() == 1 && calls.containsKey(main) && calls.get(main).status() == CallStatus.CONNECTED
                    && calls.get(main).conference();
        });
        assertEquals(List.of("CONTACT.Answer[" + main + "]", "CONTACT.Transfer_Consultation[" + main + ", 2001]",
                "CONTACT.Transfer_Complete_Conference[" + main + "]"), contactCalls());
        assertTrue(!sim.sentEvents().isEmpty() && sim.sentEvents().stream().anyMatch(s -> s.contains(leg) && s.contains("\"conference\"")),
                "the leg was cleared into the conference");

        Click.on(robot, "#hangup");
        Fx.until("HangupByContactID recorded", () -> calls().contains("CONTACT.HangupByContactID[" + main + "]"));
        assertLiveEqualsTranslate();
    }

    @Test
    void cancelledConsultationHangsUpTheLegAndResumeTogglesHold(FxRobot robot) {
        widgetAndAgentReady(robot);
        String[] ids = consultationInProgress(robot);
        String main = ids[0];
        String leg = ids[1];
        Click.on(robot, "#hangup");
        Fx.until("only the held call is left", () -> ctx.session().store().state().calls().size() == 1
                && ctx.session().store().state().calls().get(main).status() == CallStatus.HELD);
        Click.on(robot, "#hold");
        Fx.until("talking again", () -> ctx.session().store().state().calls().get(main).status() == CallStatus.CONNECTED);
        assertEquals(List.of("CONTACT.Answer[" + main + "]", "CONTACT.Transfer_Consultation[" + main + ", 2001]",
                "CONTACT.Hangup[" + leg + "]", "CONTACT.Hold[" + main + "]"), contactCalls());
    }

    /** A chat is listed with its medium; a phone control sent for it is a keyed refusal and never reaches the SDK. */
    @Test
    void aChatContactIsListedAndPhoneControlsAreRefusedForIt(FxRobot robot) throws Exception {
        widgetAndAgentReady(robot);
        String chat = sim.chat("mario.rossi@example.it");
        Fx.until("the chat is listed, connected, as a chat", () -> {
            var v = ctx.session().store().state().calls().get(chat);
            return v != null && v.status() == CallStatus.CONNECTED && "chat".equals(v.call().media());
        });
        ctx.session().send(new Command.Hold(chat)).exceptionally(err -> null).toCompletableFuture().get(10, TimeUnit.SECONDS);
        Fx.until("the refusal is shown as a keyed notice", () -> {
            Event.Notice n = ctx.session().store().state().lastNotice();
            return n != null && "agentdesktop.notVoice".equals(n.key());
        });
        assertEquals(List.of("chat"), ctx.session().store().state().lastNotice().args());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("CONTACT.Hold")), "Hold never reached AgentDesktop: " + calls());
        assertLiveEqualsTranslate();
    }

    /** Call data (from the bar's control) and recording through the real page and the fake SDK, with the contact id. */
    @Test
    void callDataAndRecordingFromTheBarReachTheSdk(FxRobot robot) throws Exception {
        widgetAndAgentReady(robot);
        String call = sim.inbound("3393669393", "225727273", "QUEUE25");
        Fx.until("ringing", () -> !node(robot, "#answer").isDisabled());
        Click.on(robot, "#answer");
        Fx.until("talking", () -> ctx.session().store().state().calls().get(call) != null
                && ctx.session().store().state().calls().get(call).status() == CallStatus.CONNECTED);
        // Call data from the bar's own control (More → Call data…), as the agent sets it.
        More.choose(robot, "callData");
        Fx.until("call data pop-over", () -> robot.lookup("#callDataName").tryQuery().map(Node::isVisible).orElse(false));
        Click.on(robot, "#callDataName").write("TICKET");
        Click.on(robot, "#callDataValue").write("42");
        Click.on(robot, "#callDataSave");
        Fx.until("SetCallData recorded", () -> calls().contains("CONTACT.SetCallData[" + call + ", TICKET=42]"));
        ctx.session().send(new Command.StartRecording(call)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        Fx.until("the bar shows the call recording", () -> ctx.session().store().state().calls().get(call).recording());
        ctx.session().send(new Command.StopRecording(call)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        Fx.until("recording stopped", () -> !ctx.session().store().state().calls().get(call).recording());
        // The SDK's functions return once posted to AgentDesktop: the page records the call a moment later.
        Fx.until("StopRecording recorded", () -> calls().contains("CONTACT.StopRecording[" + call + "]"));
        assertEquals(List.of("CONTACT.Answer[" + call + "]", "CONTACT.SetCallData[" + call + ", TICKET=42]",
                "CONTACT.StartRecording[" + call + "]", "CONTACT.StopRecording[" + call + "]"), contactCalls());
    }

    private List<String> calls() {
        List<String> out = new ArrayList<>();
        for (Recorded r : sim.recorded()) out.add(r.qualified() + r.args());
        return out;
    }

    private List<String> contactCalls() {
        List<String> out = new ArrayList<>();
        for (Recorded r : sim.recorded()) {
            if (r.namespace().equals("CONTACT")) {
                assertTrue(r.accepted(), r + " was refused");
                out.add(r.qualified() + r.args());
            }
        }
        return out;
    }

    /** What the bar got through the widget equals what `translate` makes of the lines the simulator sent. */
    private void assertLiveEqualsTranslate() {
        Fx.until("every line the simulator sent reached the bar", () -> vendorEntries().size() == sim.sentEvents().size());
        List<InspectorEntry> live = vendorEntries();
        assertEquals(sim.sentEvents(), live.stream().map(InspectorEntry::raw).toList(), "the widget forwards data strings unchanged");
        AgentDesktopMapper translate = new AgentDesktopMapper();
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        for (InspectorEntry e : live) {
            try {
                for (Event ev : translate.mapLine(e.raw())) expected.add(EventJson.line(ev));
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
            for (Event ev : e.events()) got.add(EventJson.line(ev));
        }
        assertEquals(expected, got);
    }

    private List<InspectorEntry> vendorEntries() {
        return ctx.session().inspector().snapshot().stream()
                .filter(e -> e.kind() == InspectorEntry.Kind.MAPPED && e.raw() != null).toList();
    }
}
