package dev.unibar.connectors.evolux;

import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.PageChannel;
import dev.unibar.config.Secret;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.ConnectionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector's own notices: what it tells the agent at start depends on whether the page host carries
 * WebRTC (issue 11), and every text is a notice key rendered in English for the CONTRACT, whatever the
 * JVM's language (the connector no longer reads the bar's bundle).
 */
class EvoluxConnectorTest {

    private Locale before;

    @BeforeEach
    void portugueseJvm() {
        // The old connector read the UI bundle in the JVM's language: its notices came out in Portuguese here.
        before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("pt-BR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    /** A page host that shows nothing and says whether it carries WebRTC. */
    private record Env(boolean webRtc) implements VendorEnvironment {
        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public PageChannel hostPage(String path, Supplier<String> html, Collection<String> trustedOrigins) {
            return new PageChannel() {
                @Override
                public void load(String url) {
                }

                @Override
                public CompletionStage<String> call(String script) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void setCaptureHandler(CaptureHandler handler) {
                }
            };
        }

        @Override
        public String pageUrl(String path) {
            return "http://127.0.0.1:1" + path;
        }

        @Override
        public boolean pagesCarryWebRtc() {
            return webRtc;
        }
    }

    private static final class Events implements Connector.Sink {
        final List<Event> events = new ArrayList<>();

        @Override
        public void events(String raw, List<Event> e) {
            events.addAll(e);
        }

        @Override
        public void connection(ConnectionStatus status) {
        }

        @Override
        public void malformed(String raw, String reason) {
        }
    }

    private static Connector connector(boolean webRtc, boolean token) {
        EvoluxConfig cfg = new EvoluxConfig("http://127.0.0.1:2/phone", null, null, token ? Secret.of("t0k3n") : null, null);
        return new EvoluxModule().open(cfg, new Env(webRtc)).connector();
    }

    private static Event.Notice startNotice(boolean webRtc, boolean token) {
        Events sink = new Events();
        connector(webRtc, token).start(sink);
        List<Event.Notice> notices = sink.events.stream().filter(e -> e instanceof Event.Notice)
                .map(e -> (Event.Notice) e).toList();
        assertEquals(1, notices.size(), notices.toString());
        return notices.get(0);
    }

    @ParameterizedTest(name = "webRtc={0} token={1}")
    @CsvSource({"false,true,evolux.start.noAudio,WARNING", "false,false,evolux.start.noAudio.callsInPanel,WARNING",
            "true,true,evolux.start.panel,INFO", "true,false,evolux.start.panel.callsInPanel,INFO"})
    void theStartNoticeWarnsOfMissingAudioOnlyWhereThereIsNoWebRtc(boolean webRtc, boolean token, String key, NoticeLevel level) {
        Event.Notice n = startNotice(webRtc, token);
        assertEquals(key, n.key());
        assertEquals(level, n.level());
        assertEquals(Notices.english(key, List.of()), n.message(), "English for the CONTRACT whatever the JVM's language");
        assertEquals(!webRtc, n.message().contains("WebRTC"), n.message());
        assertEquals(!token, n.message().contains("Calls are placed"), n.message());
        assertTrue(Notices.text(n, Locale.forLanguageTag("pt-BR")).contains("painel do Evolux"));
    }

    private static Notices.Refusal refusal(Connector c, Command command) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> c.send(command).toCompletableFuture().get(30, TimeUnit.SECONDS));
        return assertInstanceOf(Notices.Refusal.class, e.getCause());
    }

    @Test
    void refusalsAreKeyed() throws Exception {
        Notices.Refusal noApi = refusal(connector(true, false), new Command.Dial("123"));
        assertEquals("evolux.callsInPanel", noApi.key());
        assertEquals("Calls are placed in the Evolux panel.", noApi.getMessage());

        Connector withApi = connector(true, true);
        assertEquals("evolux.noAgentLogin", refusal(withApi, new Command.Dial("123")).key(),
                "no login configured and none reported yet");
        Notices.Refusal hold = refusal(withApi, new Command.Hold("c1"));
        assertEquals("evolux.commandInPanel", hold.key());
        assertEquals(List.of("Hold"), hold.args());
        assertFalse(hold.getMessage().contains("painel"));

        // Port 1 on loopback: nothing listens, the API is unreachable.
        EvoluxConfig down = new EvoluxConfig("http://127.0.0.1:1/phone", null, null, Secret.of("t0k3n"), "joao");
        Notices.Refusal unreachable = refusal(new EvoluxModule().open(down, new Env(true)).connector(), new Command.Dial("123"));
        assertEquals("evolux.apiUnreachable", unreachable.key());
        assertEquals(List.of("127.0.0.1"), unreachable.args());
        assertFalse(unreachable.getMessage().contains("t0k3n"));
    }
}
