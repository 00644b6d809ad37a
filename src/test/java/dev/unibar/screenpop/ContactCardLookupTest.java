package dev.unibar.screenpop;

import dev.unibar.app.Vendors;
import dev.unibar.config.ConfigException;
import dev.unibar.config.CustomerLookup;
import dev.unibar.core.Connector;
import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Party;
import dev.unibar.core.state.SessionPhase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

class ContactCardLookupTest {

    /** A vendor that takes contact cards (or not) and keeps what it was sent. */
    static final class CardVendor implements Connector {
        final boolean cards;
        final List<Command> sent = new CopyOnWriteArrayList<>();
        Sink sink;

        CardVendor(boolean cards) {
            this.cards = cards;
        }

        public String vendor() {
            return "max";
        }

        public Capabilities capabilities() {
            return Capabilities.builder().allow(cards ? EnumSet.of(CommandKind.ANSWER, CommandKind.CONTACT_CARD)
                    : EnumSet.of(CommandKind.ANSWER), SessionPhase.READY).build();
        }

        public void start(Sink s) {
            sink = s;
            s.events(null, List.of(new Event.SessionReady("max", null)));
        }

        public CompletionStage<Void> send(Command c) {
            sent.add(c);
            return CompletableFuture.completedFuture(null);
        }

        public void stop() {
        }

        void ring(String id, String from) {
            sink.events("{}", List.of(new Event.CallRinging("max", null, id,
                    new Call(id, Direction.INBOUND, Party.of(from, null), null, null, null, null, Map.of(), null))));
        }
    }

    private final LookupServer crm = new LookupServer();
    private AutoCloseable handle;

    ContactCardLookupTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        if (handle != null) handle.close();
        crm.close();
    }

    static CustomerLookup config(String yaml) throws ConfigException {
        return Vendors.configLoader(Map.<String, String>of("CRM_TOKEN", "t0k3n")::get)
                .parse(yaml, "config.yml", Path.of("config.yml")).features().customerLookup();
    }

    private Session session(CardVendor v, CustomerLookup cfg) {
        Session s = new Session(v, Clock.systemUTC());
        handle = new ContactCardLookup(cfg).attach(s);
        s.start();
        return s;
    }

    private static void until(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    private static Event.Notice last(Session s) {
        return s.store().state().lastNotice();
    }

    private static boolean lastIs(Session s, String key, String... args) {
        Event.Notice n = last(s);
        return n != null && key.equals(n.key()) && n.args().equals(List.of(args));
    }

    @Test
    void theNameAndPictureFoundGoToTheVendorAsAContactCard() throws Exception {
        crm.body = "{\"customer\":{\"fullName\":\" Zoë Ålvarez \"},\"photo\":\"https://img.example/z.png\"}";
        CardVendor v = new CardVendor(true);
        session(v, config("""
                customerLookup:
                  url: %s/customers?phone={number}&call={callId}
                  name: /customer/fullName
                  imageUrl: /photo
                  bearerToken: ${env:CRM_TOKEN}
                """.formatted(crm.base())));
        v.ring("c 1", "+1 801 555");
        until("a contact card", () -> !v.sent.isEmpty());
        assertEquals(List.of(new Command.ContactCard("c 1", "Zoë Ålvarez", "https://img.example/z.png")), v.sent);
        assertEquals("/customers?phone=%2B1%20801%20555&call=c%201", crm.hits.get(0).uri());
        assertEquals("Bearer t0k3n", crm.hits.get(0).authorization());
        v.ring("c 1", "+1 801 555");
        Thread.sleep(200);
        assertEquals(1, crm.hits.size(), "once per call");
    }

    @Test
    void failuresBecomeNoticesAndNothingIsSent() throws Exception {
        CardVendor v = new CardVendor(true);
        Session s = session(v, config("customerLookup:\n  url: " + crm.base() + "/c/{number}\n"));
        crm.status = 500;
        v.ring("a", "1");
        until("a status notice", () -> lastIs(s, "lookup.status", "500"));
        crm.status = 200;
        crm.body = "<html>not json</html>";
        v.ring("b", "2");
        until("a not-JSON notice", () -> lastIs(s, "lookup.notJson"));
        crm.status = 302;
        crm.body = "";
        crm.headers = Map.of("Location", crm.base() + "/elsewhere");
        v.ring("c", "3");
        until("the redirect is not followed", () -> lastIs(s, "lookup.status", "302"));
        crm.status = 200;
        crm.headers = Map.of();
        crm.body = "{\"name\":\"\",\"imageUrl\":\"javascript:alert(1)\"}";
        v.ring("d", "4");
        until("four lookups", () -> crm.hits.size() == 4);
        Thread.sleep(200);
        assertEquals(List.of(), v.sent, "no name, no card");
        assertFalse(last(s).message().contains("127.0.0.1:"), "the URL is never shown: " + last(s).message());
        assertTrue(crm.hits.stream().noneMatch(h -> h.uri().startsWith("/elsewhere")), "a redirect is not followed");
    }

    @Test
    void aValidAnswerOverTheSizeLimitSaysSoAndTheCardShowsTheNameFound() throws Exception {
        CardVendor v = new CardVendor(true);
        Session s = session(v, config("customerLookup:\n  url: " + crm.base() + "/c/{number}\n"));
        crm.body = "{\"name\":\"Ada\",\"notes\":\"" + "x".repeat(LookupRequest.MAX_BYTES) + "\"}";
        v.ring("a", "1");
        until("a too-large notice", () -> lastIs(s, "lookup.tooLarge", String.valueOf(LookupRequest.MAX_BYTES / 1024)));
        assertEquals(List.of(), v.sent);
        crm.body = "{\"name\":\"Ada Lovelace\"}";
        v.ring("b", "2");
        until("the name found is on the call", () -> s.store().state().calls().containsKey("b")
                && "Ada Lovelace".equals(s.store().state().calls().get("b").call().remoteName()));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsANotice() throws Exception {
        CardVendor v = new CardVendor(true);
        Session s = session(v, config("customerLookup:\n  url: " + crm.base() + "/c/{number}\n  timeoutSeconds: 1\n"));
        crm.hold = new CountDownLatch(1);
        v.ring("a", "1");
        until("a time-out notice", () -> lastIs(s, "lookup.timeout", "1"));
        crm.hold.countDown();
        assertEquals(List.of(), v.sent);
    }

    @Test
    void anAnswerAfterTheCallEndedIsDropped() throws Exception {
        crm.body = "{\"name\":\"Ada\"}";
        crm.hold = new CountDownLatch(1);
        CardVendor v = new CardVendor(true);
        Session s = session(v, config("customerLookup:\n  url: " + crm.base() + "/c/{number}\n"));
        v.ring("a", "1");
        v.ring("b", "2");
        until("the lookups asked", () -> crm.hits.size() == 2);
        v.sink.events("{}", List.of(new Event.CallEnded("max", null, "a", null)));
        crm.hold.countDown();
        until("the card of the call still there", () -> !v.sent.isEmpty());
        Thread.sleep(300);
        assertEquals(List.of(new Command.ContactCard("b", "Ada", null)), v.sent, "the guard alone would let a's card pass");
        assertNull(last(s), "nothing to tell the agent either");
    }

    @Test
    void aVendorWithoutContactCardsGetsNoLookup() throws Exception {
        CardVendor v = new CardVendor(false);
        session(v, config("customerLookup:\n  url: " + crm.base() + "/c/{number}\n"));
        v.ring("a", "1");
        Thread.sleep(300);
        assertTrue(crm.hits.isEmpty(), "call data must not leave the machine for nothing");
    }

    @Test
    void callDataGoesOnlyOverTlsOrToThisMachine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> config("customerLookup:\n  url: http://crm.example.com/c?n={number}\n"));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertThrows(ConfigException.class, () -> config("customerLookup:\n  url: https://{number}.example.com/\n"));
        assertThrows(ConfigException.class, () -> config("customerLookup:\n  url: https://crm.example.com/\n  name: name\n"));
        assertThrows(ConfigException.class, () -> config("customerLookup:\n  url: https://crm.example.com/{nmber}\n"));
    }

    @Test
    void theSampleSectionReads() throws Exception {
        StringBuilder yaml = new StringBuilder();
        boolean in = false;
        for (String l : java.nio.file.Files.readAllLines(Path.of("config.sample.yml"))) {
            if (l.startsWith("#customerLookup:")) in = true;
            else if (in && !l.startsWith("#  ")) break;
            if (in) yaml.append(l.substring(1)).append('\n');
        }
        CustomerLookup c = config(yaml.toString().replace("UNIBAR_CRM_TOKEN", "CRM_TOKEN"));
        assertEquals("https://crm.example.com/api/customers?phone={number}", c.url());
        assertEquals("t0k3n", c.bearerToken().reveal());
    }

    @Test
    void defaultsAreNameAndImageUrl() throws Exception {
        CustomerLookup c = config("customerLookup:\n  url: https://crm.example.com/c?n={number}\n");
        assertEquals("/name", c.namePointer());
        assertEquals("/imageUrl", c.imagePointer());
        assertEquals(Duration.ofSeconds(3), c.timeout());
        assertEquals("ringing", c.on());
        assertNull(c.bearerToken());
        assertFalse(String.valueOf(config("customerLookup:\n  url: https://crm.example.com/\n  bearerToken: s3cret\n"))
                .contains("s3cret"), "the token never prints");
    }
}
