package dev.unibar.connectors.webbar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.PageEvent;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.ConnectionStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit's shared path against a fake page and a small vendor: what reaches the sink for each kind of line,
 * what the session's start, stop and restart do to the page, and the page's life handed to the vendor's hooks.
 */
class WebBarConnectorTest {

    static final String HOST = "http://127.0.0.1:9";
    static final String VENDOR_ORIGIN = "https://vendor.example.com";

    /** Records what the connector did to the page, in order. */
    static final class FakePage implements PageChannel {
        final List<String> did = new ArrayList<>();
        CaptureHandler handler;

        @Override
        public void load(String url) {
            did.add("load " + url);
        }

        @Override
        public CompletionStage<String> call(String script) {
            did.add("call " + script);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void setCaptureHandler(CaptureHandler h) {
            did.add("handler");
            handler = h;
        }
    }

    /** Everything the sink was told, as text, in order. */
    static final class Sink implements Connector.Sink {
        final List<String> told = new ArrayList<>();
        final List<Event> events = new ArrayList<>();

        @Override
        public void events(String raw, List<Event> e) {
            events.addAll(e);
            for (Event x : e) told.add("event " + x.type() + (raw == null ? "" : " from " + raw));
        }

        @Override
        public void connection(ConnectionStatus status) {
            told.add("connection " + status);
        }

        @Override
        public void malformed(String raw, String reason) {
            told.add("malformed " + raw + ": " + reason);
        }

        @Override
        public void dropped(String raw, String reason) {
            told.add("dropped " + raw + ": " + reason);
        }
    }

    /** {"name": "x"} is x's event; anything else is malformed; a "secret" field is hidden. */
    static class Mapper implements VendorMapper {
        @Override
        public String vendor() {
            return "acme";
        }

        @Override
        public List<Event> map(JsonNode line) throws MalformedCaptureException {
            if (!line.path("name").isTextual()) throw new MalformedCaptureException("no name");
            return List.of(new Event.VendorUnmapped("acme", null, line.path("name").asText()));
        }
    }

    /** A vendor of the test mapper that takes no command. */
    abstract static class CommandlessVendor extends WebBarConnector {
        CommandlessVendor(WebPage page) {
            this(page, new Mapper());
        }

        CommandlessVendor(WebPage page, VendorMapper mapper) {
            super(page, mapper);
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().build();
        }

        @Override
        public CompletionStage<Void> send(Command command) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A vendor that says what the kit asked of it. */
    static final class Acme extends CommandlessVendor {
        final List<String> hooks = new ArrayList<>();
        boolean restartable;
        boolean readsPage = true;
        boolean audio;

        Acme(WebPage page) {
            super(page);
        }

        @Override
        protected void starting(Sink s) {
            hooks.add("starting");
        }

        @Override
        protected void stopping() {
            hooks.add("stopping");
        }

        @Override
        protected boolean restartsByReload() {
            return restartable;
        }

        @Override
        protected void reloading() {
            hooks.add("reloading");
        }

        @Override
        protected boolean readsPage() {
            return readsPage;
        }

        @Override
        protected boolean audioInPage() {
            return audio;
        }

        @Override
        protected Screen screen(String origin, JsonNode line) {
            if (line.has("echo")) return Screen.SKIP;
            if (line.has("other")) return Screen.drop("not Acme's");
            return Screen.MAP;
        }

        @Override
        protected String redact(JsonNode line, String raw) {
            if (!line.has("secret")) return raw;
            ((ObjectNode) line).put("secret", "******");
            return line.toString();
        }

        @Override
        protected void hostSignal(String signal, Sink s) {
            hooks.add("host " + signal);
        }

        @Override
        protected void pageLoaded(boolean reload) {
            hooks.add("loaded reload=" + reload);
        }

        @Override
        protected void pageGone(PageEvent.Kind why) {
            hooks.add("gone " + why);
            super.pageGone(why);
        }
    }

    final FakePage page = new FakePage();
    final Sink sink = new Sink();
    final Acme acme = new Acme(WebPage.host(page, () -> HOST + "/acme/"));

    private void line(String origin, String json) throws Exception {
        page.handler.captured(origin, Payloads.JSON.readTree(json), json);
    }

    @Test
    void startSaysConnectingLetsTheVendorSpeakThenListensAndLoads() {
        acme.start(sink);
        assertEquals(List.of("connection CONNECTING"), sink.told);
        assertEquals(List.of("starting"), acme.hooks);
        assertEquals(List.of("handler", "load " + HOST + "/acme/"), page.did, "listening before the page can speak");
        assertSame(acme, page.handler);
    }

    @Test
    void eachLineIsScreenedRedactedMappedOrReported() throws Exception {
        acme.start(sink);
        sink.told.clear();
        line(VENDOR_ORIGIN, "{\"name\":\"ringing\"}");
        line(VENDOR_ORIGIN, "{\"echo\":1}");
        line(VENDOR_ORIGIN, "{\"other\":1}");
        line(VENDOR_ORIGIN, "{\"secret\":\"tok\"}");
        line(VENDOR_ORIGIN, "{\"name\":\"login\",\"secret\":\"tok\"}");
        page.handler.malformed("[oops", "batch is not JSON");
        page.handler.dropped("https://evil.example", "{\"x\":1}");
        assertEquals(List.of(
                "event vendor.unmapped from {\"name\":\"ringing\"}",
                "dropped {\"other\":1}: not Acme's",
                "malformed {\"secret\":\"******\"}: no name",
                "event vendor.unmapped from {\"name\":\"login\",\"secret\":\"******\"}",
                "malformed [oops: batch is not JSON",
                "dropped {\"x\":1}: message from untrusted origin https://evil.example"), sink.told,
                "the echo is skipped unreported; nothing shows the secret");
    }

    @Test
    void onlyUnibarsOwnHostPageSignalsTheConnector() throws Exception {
        acme.start(sink);
        sink.told.clear();
        line(HOST, "{\"unibarHost\":\"frameLoaded\"}");
        line(VENDOR_ORIGIN, "{\"unibarHost\":\"frameLoaded\"}");
        assertEquals(List.of("starting", "host frameLoaded"), acme.hooks);
        assertEquals(List.of("malformed {\"unibarHost\":\"frameLoaded\"}: no name"), sink.told,
                "the vendor's origin cannot speak for the host page: its line is the vendor's, and mapped as such");
    }

    @Test
    void aVendorWhoseEventsComeAnotherWayIgnoresItsPagesLinesButNotItsLife() throws Exception {
        acme.readsPage = false;
        acme.start(sink);
        sink.told.clear();
        line(VENDOR_ORIGIN, "{\"name\":\"ringing\"}");
        page.handler.malformed("[oops", "batch is not JSON");
        page.handler.dropped("https://evil.example", "{}");
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        assertEquals(List.of(), sink.told);
        assertEquals(List.of("starting", "loaded reload=false"), acme.hooks);
    }

    @Test
    void textLinesAreReadStrictlyAsTranslateReadsThem() {
        acme.start(sink);
        sink.told.clear();
        acme.mapText("{\"name\":\"a\"}");
        acme.mapText("{\"name\":\"a\",\"name\":\"b\"}");
        acme.mapText("{\"name\":\"a\"} trailing");
        assertEquals("event vendor.unmapped from {\"name\":\"a\"}", sink.told.get(0));
        assertEquals(3, sink.told.size());
        assertTrue(sink.told.get(1).startsWith("malformed {\"name\":\"a\",\"name\":\"b\"}: not JSON"), sink.told.get(1));
        assertTrue(sink.told.get(2).startsWith("malformed {\"name\":\"a\"} trailing: not JSON"), sink.told.get(2));
    }

    @Test
    void thePagesLifeReachesTheHooksOnceEachFirstLoadThenReloads() {
        acme.start(sink);
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        page.handler.page(PageEvent.gone(PageEvent.Kind.CLOSED));
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        page.handler.page(PageEvent.gone(PageEvent.Kind.CRASHED));
        page.handler.page(PageEvent.gone(PageEvent.Kind.FAILED));
        assertEquals(List.of("starting", "loaded reload=false", "loaded reload=true", "gone CLOSED", "loaded reload=true",
                "gone CRASHED", "gone FAILED"), acme.hooks);
    }

    @Test
    void aPageGoneIsToldToTheAgentInTheirLanguageByDefault() {
        acme.audio = true;
        acme.start(sink);
        sink.events.clear();
        page.handler.page(PageEvent.gone(PageEvent.Kind.CLOSED));
        page.handler.page(PageEvent.gone(PageEvent.Kind.CRASHED));
        page.handler.page(PageEvent.gone(PageEvent.Kind.FAILED));
        List<Event.Notice> notices = sink.events.stream().map(e -> (Event.Notice) e).toList();
        assertEquals(List.of("page.closed", "page.crashed", "page.failed"), notices.stream().map(Event.Notice::key).toList());
        assertEquals(List.of(NoticeLevel.WARNING, NoticeLevel.WARNING, NoticeLevel.ERROR),
                notices.stream().map(Event.Notice::level).toList());
        assertTrue(notices.get(0).message().startsWith("The vendor window was closed"), notices.get(0).message());
        assertTrue(Notices.text(notices.get(0), java.util.Locale.forLanguageTag("cs")).startsWith("Okno dodavatele bylo zavřeno"));
    }

    @Test
    void aClosedWindowWhoseCallsAreNotInThePageSaysNothingOfAudio() {
        acme.start(sink);
        sink.events.clear();
        page.handler.page(PageEvent.gone(PageEvent.Kind.CLOSED));
        Event.Notice n = (Event.Notice) sink.events.get(0);
        assertEquals("page.closed.paired", n.key());
        assertFalse(n.message().contains("audio"), n.message());
        assertTrue(Notices.text(n, java.util.Locale.forLanguageTag("fr")).startsWith("La fenêtre du fournisseur"));
    }

    @Test
    void aPageGoneOrReloadedMeansTheBarNoLongerKnows() {
        acme.start(sink);
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        sink.told.clear();
        page.handler.page(PageEvent.gone(PageEvent.Kind.CRASHED));
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        assertEquals(List.of("connection RECONNECTING", "event notice", "connection RECONNECTING"), sink.told);
    }

    @Test
    void nothingOfThePageReachesTheSinkBeforeStartOrAfterStop() throws Exception {
        page.handler = acme;
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        acme.start(sink);
        acme.stop();
        assertEquals(List.of("starting", "stopping"), acme.hooks, "no page life before start");
        assertEquals(List.of("connection CONNECTING", "connection DISCONNECTED"), sink.told);
        line(VENDOR_ORIGIN, "{\"name\":\"late\"}");
        page.handler.page(PageEvent.loaded(VENDOR_ORIGIN));
        acme.mapText("{\"name\":\"late\"}");
        assertEquals(List.of("connection CONNECTING", "connection DISCONNECTED"), sink.told, "nothing after stop");
        assertEquals(List.of("starting", "stopping"), acme.hooks);
    }

    @Test
    void aRestartReloadsThePageOnlyForAVendorWhoseSessionStartsWithIt() {
        acme.start(sink);
        page.did.clear();
        assertFalse(acme.restartSession(), "by default the session is kept");
        assertEquals(List.of(), page.did);
        acme.restartable = true;
        assertTrue(acme.restartSession());
        assertEquals(List.of("starting", "reloading"), acme.hooks);
        assertEquals(List.of("load " + HOST + "/acme/"), page.did);
    }

    @Test
    void aVendorShownElsewhereStartsWithoutAPage() {
        Acme elsewhere = new Acme(new WebPage(null, () -> "https://vendor.example.com/", false));
        elsewhere.start(sink);
        assertEquals(List.of("connection CONNECTING"), sink.told);
        assertFalse(elsewhere.restartSession());
        assertEquals(List.of("starting"), elsewhere.hooks);
    }
}
