package dev.unibar.ui;

import dev.unibar.app.VendorContext;
import dev.unibar.connectors.agentdesktop.AgentDesktopModule;
import dev.unibar.connectors.agentdesktop.sim.AgentDesktopSimulator;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.testkit.Host;
import dev.unibar.testkit.Wait;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 22: any local process could fetch the AgentDesktop widget page, read its token, become the current widget
 * and ring the bar with a forged call (the real widget then got 409). The token now reaches only the widget framed
 * by AgentDesktop inside the bar's own vendor panel, in the WebView and in browser mode alike; a plain HTTP client
 * (another OS user) gets an empty page and 401s, and the real widget goes on working.
 */
@ExtendWith(ApplicationExtension.class)
class AgentDesktopWidgetTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private Stage stage;
    private AgentDesktopSimulator sim;
    private VendorContext ctx;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void stop() {
        HostedBar.close(ctx);
        if (sim != null) sim.close();
    }

    @ParameterizedTest
    @EnumSource(value = Host.class, names = {"WEBVIEW", "BROWSER"})
    void onlyTheWidgetInTheBarsOwnPanelGetsTheToken(Host host) throws Exception {
        sim = new AgentDesktopSimulator().start();
        sim.answerDelayMs(0);
        ctx = HostedBar.show(host, stage, new AgentDesktopModule(), env -> AgentDesktopModule.forSimulator(sim, env));
        Wait.until("the real widget got its token from the panel and announced itself", WAIT,
                () -> ctx.session().store().state().phase() == SessionPhase.READY);

        HttpClient http = HttpClient.newHttpClient();
        String widget = sim.widgetUri();
        String page = http.send(HttpRequest.newBuilder(URI.create(widget)).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> guesses = new ArrayList<>(List.of(""));
        Matcher words = Pattern.compile("[0-9A-Za-z_-]{16,}").matcher(page);
        while (words.find()) guesses.add(words.group());
        String base = widget.substring(0, widget.indexOf("/agentdesktop/"));
        for (String guess : guesses) {
            assertEquals(401, forge(http, base + "/agentdesktop/status", guess, "{\"instance\":\"evil\",\"ready\":true}"), guess);
            assertEquals(401, forge(http, base + "/agentdesktop/events", guess,
                    "{\"instance\":\"evil\",\"lines\":[\"{\\\"event\\\":\\\"RINGING\\\",\\\"id\\\":\\\"evil-1\\\","
                            + "\\\"type\\\":\\\"inbound\\\",\\\"ani\\\":\\\"6669999\\\"}\"]}"), guess);
        }

        // The real widget is still the one heard: a call the simulated AgentDesktop rings reaches the bar.
        String call = sim.inbound("3393669393", "225727273", "QUEUE25");
        Wait.until("the real call rang in the bar", WAIT, () -> ctx.session().store().state().calls().containsKey(call));
        assertFalse(ctx.session().inspector().snapshot().stream().flatMap(e -> e.events().stream())
                .anyMatch(e -> e instanceof Event.CallRinging r && "evil-1".equals(r.callId())), "no forged call");
        assertFalse(ctx.session().store().state().calls().containsKey("evil-1"));
    }

    private static int forge(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Unibar-Token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
