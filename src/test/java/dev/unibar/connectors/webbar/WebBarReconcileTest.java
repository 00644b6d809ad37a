package dev.unibar.connectors.webbar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.PageEvent;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.Payloads;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the kit does with the calls it told the bar of when the vendor's page comes back: until the vendor's
 * re-announcement is complete the bar is RECONNECTING; then the calls the vendor did not announce again end once as
 * {@code lost} (before the batch that completes it, so a sign-out cannot drop them unended), those it did keep their
 * ids, and the bar is CONNECTED.
 */
class WebBarReconcileTest {

    /** {"call": id, "is": ringing|talking|ended}, {"ready": true} (the vendor's truth, complete), {"signedOut": true}. */
    static final class Mapper extends WebBarConnectorTest.Mapper {
        @Override
        public List<Event> map(JsonNode line) throws MalformedCaptureException {
            if (line.has("ready")) return List.of(new Event.SessionReady("acme", null));
            if (line.has("signedOut")) return List.of(new Event.CredentialsRequired("acme", null));
            String id = line.path("call").asText();
            Call call = new Call(id, Direction.INBOUND, null, null, null, null, null, null, null, null);
            return switch (line.path("is").asText()) {
                case "ringing" -> List.of(new Event.CallRinging("acme", null, id, call));
                case "talking" -> List.of(new Event.CallConnected("acme", null, id, call));
                case "ended" -> List.of(new Event.CallEnded("acme", null, id, "hangup"));
                default -> throw new MalformedCaptureException("no such line");
            };
        }
    }

    /** Its page re-announces the agent's calls, then {"ready"} or {"signedOut"}; or it says so through a host signal. */
    static final class Acme extends WebBarConnectorTest.CommandlessVendor {
        Acme(WebBarConnectorTest.FakePage page) {
            super(WebPage.host(page, () -> WebBarConnectorTest.HOST + "/acme/"), new Mapper());
        }

        @Override
        protected boolean relearnedBy(List<Event> events) {
            return events.stream().anyMatch(e -> e instanceof Event.SessionReady || e instanceof Event.CredentialsRequired);
        }

        @Override
        protected void hostSignal(String signal, Sink s) {
            if (signal.equals("nothingToSay")) relearned();
        }
    }

    final WebBarConnectorTest.FakePage page = new WebBarConnectorTest.FakePage();
    final WebBarConnectorTest.Sink sink = new WebBarConnectorTest.Sink();
    final Acme acme = new Acme(page);

    private void line(String json) throws Exception {
        page.handler.captured(WebBarConnectorTest.VENDOR_ORIGIN, Payloads.JSON.readTree(json), json);
    }

    /** Started, first page, two calls (1 talking, 2 ringing) and a third that ended; then the page reloads. */
    private void twoCallsThenReload() throws Exception {
        acme.start(sink);
        page.handler.page(PageEvent.loaded(WebBarConnectorTest.VENDOR_ORIGIN));
        line("{\"call\":\"1\",\"is\":\"talking\"}");
        line("{\"call\":\"2\",\"is\":\"ringing\"}");
        line("{\"call\":\"3\",\"is\":\"ringing\"}");
        line("{\"call\":\"3\",\"is\":\"ended\"}");
        page.handler.page(PageEvent.loaded(WebBarConnectorTest.VENDOR_ORIGIN));
        sink.told.clear();
        sink.events.clear();
    }

    private List<String> lost() {
        return sink.events.stream().filter(e -> e instanceof Event.CallEnded c && c.cause().equals("lost"))
                .map(e -> ((Event.CallEnded) e).callId()).toList();
    }

    @Test
    void callsTheVendorNoLongerHasEndOnceAsLostAndThoseItHasKeepTheirIds() throws Exception {
        twoCallsThenReload();
        line("{\"call\":\"1\",\"is\":\"talking\"}");
        assertEquals(List.of("event call.connected from {\"call\":\"1\",\"is\":\"talking\"}"), sink.told,
                "not known yet: no end, no CONNECTED");
        line("{\"ready\":true}");
        assertEquals(List.of("2"), lost(), "call 2 was not announced again; 3 had ended before the reload");
        assertEquals(List.of("event call.connected from {\"call\":\"1\",\"is\":\"talking\"}", "event call.ended",
                "event session.ready from {\"ready\":true}", "connection CONNECTED"), sink.told);

        sink.told.clear();
        sink.events.clear();
        line("{\"ready\":true}");
        page.handler.page(PageEvent.loaded(WebBarConnectorTest.VENDOR_ORIGIN));
        line("{\"call\":\"1\",\"is\":\"talking\"}");
        line("{\"ready\":true}");
        assertEquals(List.of(), lost(), "once each: call 1 is still the vendor's after a second reload");
    }

    @Test
    void aCallAnnouncedInTheBatchThatCompletesTheTruthIsKept() throws Exception {
        twoCallsThenReload();
        page.handler.captured(WebBarConnectorTest.VENDOR_ORIGIN, Payloads.JSON.readTree("{\"call\":\"2\",\"is\":\"ringing\"}"),
                "{}");
        line("{\"signedOut\":true}");
        assertEquals(List.of("1"), lost());
        assertEquals(List.of("event call.ringing from {}", "event call.ended", "event session.credentialsRequired from "
                + "{\"signedOut\":true}", "connection CONNECTED"), sink.told, "the ends come before the sign-out");
    }

    @Test
    void aSignedOutPageEndsEveryCallBeforeTheSignOutReachesTheBar() throws Exception {
        twoCallsThenReload();
        line("{\"signedOut\":true}");
        assertEquals(List.of("1", "2"), lost());
        assertEquals("event session.credentialsRequired from {\"signedOut\":true}", sink.told.get(2));
    }

    @Test
    void aVendorWhosePageCannotSayItsCallsEndsThemWhenItSaysItsPageIsBack() throws Exception {
        twoCallsThenReload();
        page.handler.captured(WebBarConnectorTest.HOST, Payloads.JSON.readTree("{\"unibarHost\":\"nothingToSay\"}"), "{}");
        assertEquals(List.of("1", "2"), lost());
        assertEquals(List.of("event call.ended", "event call.ended", "connection CONNECTED"), sink.told);
    }

    @Test
    void theFirstPageAndAPageGoneEndNoCall() throws Exception {
        acme.start(sink);
        page.handler.page(PageEvent.loaded(WebBarConnectorTest.VENDOR_ORIGIN));
        line("{\"call\":\"1\",\"is\":\"talking\"}");
        line("{\"ready\":true}");
        page.handler.page(PageEvent.gone(PageEvent.Kind.CLOSED));
        assertEquals(List.of(), lost());
        assertEquals("connection RECONNECTING", sink.told.get(sink.told.size() - 2), "closed: not known, the call kept");
    }
}
