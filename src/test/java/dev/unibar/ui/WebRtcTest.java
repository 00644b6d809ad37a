package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.testkit.Host;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11's WebRTC check: the same probe page reaches "connected" over a loopback RTCPeerConnection pair
 * with the (fake) microphone in the browser window, with no permission prompt; in the WebView it reports
 * that WebRTC is unavailable, and the bar shows that message.
 */
@ExtendWith(ApplicationExtension.class)
class WebRtcTest {

    private Stage stage;
    private VendorContext ctx;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(Host host) {
        ctx = HostedBar.show(host, stage, new WebRtcProbe(), env -> new WebRtcProbe().openDemo(env));
    }

    @AfterEach
    void stop() {
        if (ctx == null) return;
        Fx.run(() -> ctx.page().load("about:blank"));
        Fx.run(ctx::close);
    }

    private Event.Notice notice() {
        return ctx.session().store().state().lastNotice();
    }

    @Test
    void inTheBrowserWindowAWebRtcCallConnectsWithTheMicrophone(FxRobot robot) {
        open(Host.BROWSER);
        dev.unibar.testkit.Wait.until("the probe's WebRTC result", Duration.ofSeconds(60), () -> notice() != null);
        assertEquals("WebRTC connected, remote audio", notice().message(), "no prompt, a microphone track, connected");
        assertEquals(NoticeLevel.INFO, notice().level());
    }

    @Test
    void inTheWebViewThePageSaysWebRtcIsUnavailableAndTheBarShowsIt(FxRobot robot) {
        open(Host.WEBVIEW);
        Label shown = robot.lookup("#notice").query();
        Fx.until("the bar shows the page's message", () -> WebRtcProbe.UNAVAILABLE.equals(shown.getText()));
        assertEquals(NoticeLevel.WARNING, notice().level());
    }
}
