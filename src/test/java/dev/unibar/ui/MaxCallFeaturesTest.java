package dev.unibar.ui;

import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import dev.unibar.app.VendorContext;
import dev.unibar.config.CustomerLookup;
import dev.unibar.connectors.max.MaxModule;
import dev.unibar.connectors.max.sim.MaxSimState;
import dev.unibar.connectors.max.sim.MaxSimulator;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.CallView;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.screenpop.ContactCardLookup;
import dev.unibar.screenpop.LookupServer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * MAX's mask, record and contact card end to end: the session, the MAX connector, the fake MAX page in a real
 * WebView with Unibar's child frame, the simulator behind it (and, for the card, a CRM on 127.0.0.1).
 * Assertions are on what the simulator recorded and what the bar's state shows.
 */
@ExtendWith(ApplicationExtension.class)
class MaxCallFeaturesTest {

    private MaxSimulator sim;
    private VendorContext ctx;
    private LookupServer crm;
    private AutoCloseable lookup;

    @Start
    void start(Stage stage) {
        sim = new MaxSimulator().start();
        ctx = VendorContext.open(new MaxModule(), env -> MaxModule.forSimulator(sim, env), Clock.systemUTC());
        stage.setScene(new UnibarApp().buildScene(stage, ctx, Messages.forLanguage("en")));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        if (lookup != null) lookup.close();
        if (crm != null) crm.close();
        Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }

    private List<String> commands() {
        return sim.state().received().stream().map(MaxSimState.Received::messageType)
                .filter(t -> !t.endsWith("ClientEvents")).toList();
    }

    private CallView active() {
        return ctx.session().store().state().activeCall().orElseThrow();
    }

    private String answeredCall() {
        Fx.until("subscribed to MAX", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        String id = String.valueOf(sim.scenario("inbound", Map.of("ani", "8015551234")).get("contactId"));
        Fx.until("ringing", () -> ctx.session().store().state().ringingInbound().isPresent());
        ctx.session().send(new Command.Answer(id));
        Fx.until("connected", () -> ctx.session().store().state().activeCall()
                .map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
        return id;
    }

    private static boolean refused(java.util.concurrent.CompletionStage<Void> s) {
        try {
            s.toCompletableFuture().get(10, TimeUnit.SECONDS);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Test
    void maskUnmaskAndRecordReachMaxOnlyWhenTheyWouldDoWhatIsAskedAndAcwCarriesItsLimit() {
        ctx.session().start();
        String id = answeredCall();
        assertTrue(refused(ctx.session().send(new Command.Unmask(id))), "not masked: MaskEvent would mask");
        ctx.session().send(new Command.Mask(id));
        Fx.until("masked", () -> active().masked());
        assertEquals("Masking", sim.state().contactStatus(id));
        assertTrue(refused(ctx.session().send(new Command.Mask(id))), "already masked: MaskEvent would unmask");
        ctx.session().send(new Command.Unmask(id));
        Fx.until("unmasked", () -> !active().masked());
        ctx.session().send(new Command.StartRecording(id));
        Fx.until("recording", () -> active().recording());
        assertTrue(sim.state().isLogging(id));
        assertTrue(refused(ctx.session().send(new Command.StartRecording(id))), "one-shot: a second RecordEvent does nothing");

        ctx.session().send(new Command.Hangup(id));
        Fx.until("after-call work", () -> ctx.session().store().state().agentState() == AgentState.WRAP_UP);
        assertEquals(120, ctx.session().store().state().stateMaxSeconds(), "MAX's AcwTimeout is the wrap-up limit");

        assertEquals(List.of("AnswerEvent", "MaskEvent", "MaskEvent", "RecordEvent", "HangupEvent"), commands());
        assertTrue(sim.state().received().stream().allMatch(MaxSimState.Received::accepted),
                "MAX acted on every message: " + sim.state().received());
    }

    @Test
    void theCustomerLookupNameReachesMaxAsContactCardData(FxRobot robot) throws Exception {
        crm = new LookupServer();
        crm.body = "{\"name\":\"Ada Lovelace\",\"imageUrl\":\"https://img.example/ada.png\"}";
        lookup = new ContactCardLookup(new CustomerLookup(crm.base() + "/customers?ani={from.number}", null, null, null,
                null, null)).attach(ctx.session());
        ctx.session().start();
        Fx.until("subscribed to MAX", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        String id = String.valueOf(sim.scenario("inbound", Map.of("ani", "+1 801 555 1234")).get("contactId"));
        Fx.until("MAX has the customer's name", () -> "Ada Lovelace".equals(sim.state().customerName(id)));
        Fx.until("the agent sees the customer found on the call card",
                () -> "Ada Lovelace".equals(((Label) robot.lookup("#callName").query()).getText()));
        Fx.until("and on the pop-up", () -> robot.lookup("#incomingName").tryQuery()
                .map(n -> "Ada Lovelace".equals(((Label) n).getText())).orElse(false));

        assertEquals("/customers?ani=%2B1%20801%20555%201234", crm.hits.get(0).uri());
        MaxSimState.Received card = sim.state().received().stream()
                .filter(r -> r.messageType().equals("ContactCardData")).findFirst().orElseThrow();
        assertTrue(card.accepted(), card.note());
        assertEquals(Map.of("name", "Ada Lovelace", "userImg", "https://img.example/ada.png"), card.data().get("contactCardData"));
        assertEquals(id, String.valueOf(card.data().get("contactId")));
        assertEquals(List.of("ContactCardData"), commands());
    }

    private String ringWithPicture(String picture) throws Exception {
        return ringWithPicture(picture, () -> { });
    }

    private String ringWithPicture(String picture, Runnable beforeRing) throws Exception {
        crm = new LookupServer();
        crm.body = "{\"name\":\"Ada Lovelace\",\"imageUrl\":\"" + picture + "\"}";
        lookup = new ContactCardLookup(new CustomerLookup(crm.base() + "/customers?ani={from.number}", null, null, null,
                null, null)).attach(ctx.session());
        ctx.session().start();
        Fx.until("subscribed to MAX", () -> ctx.session().store().state().phase() == SessionPhase.READY);
        beforeRing.run();
        return String.valueOf(sim.scenario("inbound", Map.of("ani", "+1 801 555 1234")).get("contactId"));
    }

    private static CustomerPicture picture(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().map(n -> (CustomerPicture) n).orElse(null);
    }

    private static boolean is(FxRobot robot, String id, CustomerPicture.Status status) {
        return Fx.get(() -> {
            CustomerPicture p = picture(robot, id);
            return p != null && p.statusProperty().get() == status;
        });
    }

    @Test
    void theCustomerLookupPictureShowsOnTheCardAndThePopUpWithoutResizingEither(FxRobot robot) throws Exception {
        try (PictureServer pictures = new PictureServer()) {
            javafx.geometry.Bounds[] before = new javafx.geometry.Bounds[1];
            ringWithPicture(pictures.url("/ada.png?token=secret"), () -> {
                Fx.until("the bar is ready", () -> Fx.get(() -> robot.lookup("#noCall").query().isVisible()));
                before[0] = Fx.get(() -> robot.lookup("#callCard").query().getLayoutBounds());
            });
            Fx.until("the pop-up shows", () -> robot.lookup("#incomingPicture").tryQuery().isPresent());
            double[] popUp = Fx.get(() -> {
                javafx.stage.Window w = robot.lookup("#incomingCall").query().getScene().getWindow();
                return new double[] {w.getWidth(), w.getHeight()};
            });
            Fx.until("the card's picture is loaded", () -> is(robot, "callPicture", CustomerPicture.Status.SHOWN));
            Fx.until("the pop-up's picture is loaded", () -> is(robot, "incomingPicture", CustomerPicture.Status.SHOWN));
            for (String id : List.of("callPictureImage", "incomingPictureImage")) {
                javafx.scene.image.Image img = Fx.get(() -> ((javafx.scene.image.ImageView) robot.lookup("#" + id).query()).getImage());
                assertEquals(3, img.getWidth(), id);
                assertEquals(2, img.getHeight(), id);
                for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++)
                    assertEquals(PictureServer.PIXELS[y][x], img.getPixelReader().getArgb(x, y), id + " pixel " + x + "," + y);
                assertTrue(Fx.get(() -> robot.lookup("#" + id).query().isVisible()), id);
                assertEquals("Picture of Ada Lovelace", Fx.get(() -> robot.lookup("#" + id).query().getAccessibleText()));
            }
            javafx.geometry.Bounds after = Fx.get(() -> robot.lookup("#callCard").query().getLayoutBounds());
            assertEquals(before[0].getWidth(), after.getWidth(), "the card keeps its width");
            assertEquals(before[0].getHeight(), after.getHeight(), "the card keeps its height");
            double[] popUpAfter = Fx.get(() -> {
                javafx.stage.Window w = robot.lookup("#incomingCall").query().getScene().getWindow();
                return new double[] {w.getWidth(), w.getHeight()};
            });
            assertArrayEquals(popUp, popUpAfter, "the pop-up keeps its size");
        }
    }

    @Test
    void aPictureThatIsMissingTooLargeOrNoPictureShowsNothingAndNoError(FxRobot robot) throws Exception {
        try (PictureServer pictures = new PictureServer()) {
            for (String path : List.of("/missing.png", "/big.png", "/page.png")) {
                if (lookup != null) lookup.close();
                if (crm != null) crm.close();
                if (path.equals("/missing.png")) {
                    ringWithPicture(pictures.url(path));
                } else {
                    // The same session: the next call's lookup names the next bad picture.
                    crm = new LookupServer();
                    crm.body = "{\"name\":\"Ada Lovelace\",\"imageUrl\":\"" + pictures.url(path) + "\"}";
                    lookup = new ContactCardLookup(new CustomerLookup(crm.base() + "/c?ani={from.number}", null, null,
                            null, null, null)).attach(ctx.session());
                    String prev = active().id();
                    ctx.session().send(new Command.Hangup(prev));
                    Fx.until("no call", () -> ctx.session().store().state().activeCall().isEmpty()
                            || ctx.session().store().state().activeCall().get().status() != CallStatus.CONNECTED);
                    sim.scenario("inbound", Map.of("ani", "+1 801 555 1234"));
                }
                Fx.until("ringing " + path, () -> ctx.session().store().state().ringingInbound()
                        .map(c -> c.call().customer() != null && pictures.url(path).equals(c.call().customer().picture()))
                        .orElse(false));
                Fx.until("the card gave up on " + path, () -> is(robot, "callPicture", CustomerPicture.Status.FAILED));
                assertNull(Fx.get(() -> ((javafx.scene.image.ImageView) robot.lookup("#callPictureImage").query()).getImage()));
                assertTrue(pictures.hits.contains(path), pictures.hits.toString());
                assertEquals(List.of(), Fx.get(() -> javafx.stage.Window.getWindows().stream()
                        .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                        .toList()), "no error dialog");
                ctx.session().send(new Command.Answer(ctx.session().store().state().ringingInbound().orElseThrow().id()));
                Fx.until("connected", () -> ctx.session().store().state().activeCall()
                        .map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
            }
        }
    }
}
