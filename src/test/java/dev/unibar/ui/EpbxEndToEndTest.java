package dev.unibar.ui;

import dev.unibar.testkit.Click;
import dev.unibar.app.VendorContext;

import dev.unibar.core.model.AgentState;
import dev.unibar.core.state.CallStatus;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.connectors.epbx.sim.EpbxSimulator;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dialer call from ring to wrap-up in the native bar, against the EPBX simulator over classic
 * SignalR: native login with device pairing, the customer's data on the call card, hang-up, the
 * recording offered and downloaded, wrap-up, and back to ready.
 */
@ExtendWith(ApplicationExtension.class)
class EpbxEndToEndTest {

    @TempDir
    Path folder;

    private EpbxBar bar;
    private EpbxSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        bar = new EpbxBar(stage, "pt-BR");
        sim = bar.sim;
        ctx = bar.ctx;
    }

    @AfterEach
    void stop() {
        bar.close();
    }

    private static <T extends Node> T node(FxRobot robot, String id) {
        return EpbxBar.node(robot, id);
    }

    private EpbxSimulator.Invocation recorded(String method) {
        return bar.recorded(method);
    }

    @Test
    void dialerCallFromRingToWrapUp(FxRobot robot) throws Exception {
        Fx.until("login form", () -> node(robot, "#loginView").isVisible()
                && ctx.session().store().state().phase() == SessionPhase.CREDENTIALS);
        // Configuration pre-fills all but the password.
        assertEquals("agent", Fx.get(() -> ((javafx.scene.control.TextField) node(robot, "#username")).getText()));
        assertEquals("1000", Fx.get(() -> ((javafx.scene.control.TextField) node(robot, "#device")).getText()));
        assertEquals("ramalVirtual", Fx.get(() -> ((ComboBox<String>) node(robot, "#deviceType")).getValue()));
        assertEquals("", Fx.get(() -> ((javafx.scene.control.PasswordField) node(robot, "#password")).getText()));
        Click.on(robot, "#password").write("agent");
        Click.on(robot, "#login");

        EpbxSimulator.Invocation iniciar = recorded("Iniciar");
        assertEquals("[\"1000\",3]", iniciar.args().toString(), "virtual extension pairing: Iniciar(ramal, 3)");
        Fx.until("ready", () -> ctx.session().store().state().phase() == SessionPhase.READY
                && ctx.session().store().state().agentState() == AgentState.READY);

        sim.scenario("dialer", Map.of("nomeCliente", "João da Silva", "codigoCampanha", "42",
                "telefone", "11987654321"));
        Label number = node(robot, "#callNumber");
        Fx.until("the dialer call is up with the customer's data", () -> "11987654321".equals(number.getText())
                && ctx.session().store().state().activeCall().map(c -> c.status() == CallStatus.CONNECTED).orElse(false));
        assertEquals("João da Silva", Fx.get(() -> ((Label) node(robot, "#callName")).getText()));
        var call = ctx.session().store().state().activeCall().orElseThrow().call();
        assertEquals("42", call.campaign().id());
        assertEquals("Plano Ouro", call.data().get("InfoAdicional1"));
        assertTrue(Fx.get(() -> node(robot, "#answer").isVisible()) == false,
                "EPBX has no answer method: the SIP phone answers, so the bar offers none");

        Fx.until("EPBX named the call's recording as it was answered",
                () -> !ctx.session().store().state().recordings().isEmpty());
        assertFalse(More.offered(robot, "downloadRecording"), "EPBX serves a recording only after the call: not offered now");
        Click.on(robot, "#hangup");
        recorded("Desligar");
        MenuButton selector = node(robot, "#stateSelector");
        Fx.until("wrap-up after the dialer call", () -> ctx.session().store().state().agentState() == AgentState.WRAP_UP
                && ctx.session().store().state().wrapUp() && ctx.session().store().state().calls().isEmpty());
        Fx.until("recording offered", () -> More.offered(robot, "downloadRecording"));

        BarView view = robot.lookup(n -> n instanceof BarView).query();
        Fx.run(() -> view.setFolderChooser(w -> folder.toFile()));
        More.choose(robot, "downloadRecording");
        Fx.until("recording saved", () -> {
            try (var files = Files.list(folder)) {
                return files.anyMatch(f -> f.toString().endsWith(".mp3"));
            }
        });
        try (var files = Files.list(folder)) {
            Path mp3 = files.filter(f -> f.toString().endsWith(".mp3")).findFirst().orElseThrow();
            byte[] head = Files.readAllBytes(mp3);
            assertEquals("ID3", new String(head, 0, 3, java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertTrue(ctx.session().inspector().snapshot().stream()
                        .noneMatch(e -> e.raw() != null && e.raw().contains("access_token")),
                "the access token is never shown in the inspector");

        Click.on(robot, "#stateSelector");
        Click.on(robot, "#state-READY");
        assertEquals("[0]", recorded("AlterarIntervaloTipo").args().toString());
        Fx.until("ready again, wrap-up over", () -> ctx.session().store().state().agentState() == AgentState.READY
                && !ctx.session().store().state().wrapUp() && selector.getText() != null);

        // Calling a colleague: EPBX must be told it is an extension (tipoDiscagem 2).
        Click.on(robot, "#dialPad");
        Click.on(robot, "#dialNumber").write("2001");
        Click.on(robot, "#dialInternal");
        Click.on(robot, "#dial");
        assertEquals("[\"2001\",2]", recorded("Discar").args().toString());
    }
}
