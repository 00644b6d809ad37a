package dev.unibar.core;

import dev.unibar.core.model.Call;
import dev.unibar.core.model.Campaign;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Direction;
import dev.unibar.core.model.Party;
import dev.unibar.core.model.QueueRef;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call card's number and name, and how a vendor's later snapshot of a call updates the one the bar has. */
class CallSnapshotTest {

    private static final Party CUSTOMER = new Party("+420601123456", "Jana Nováková");
    private static final Party AGENT = new Party("201", "Agent 201");

    private static Call call(Direction d, Party from, Party to, Customer customer) {
        return new Call("c1", d, from, to, null, null, customer, Map.of(), null);
    }

    @Test
    void theOtherPartyIsTheCallerInboundAndTheCalledOutbound() {
        assertEquals("+420601123456", call(Direction.INBOUND, CUSTOMER, AGENT, null).remoteNumber());
        assertEquals("Jana Nováková", call(Direction.INBOUND, CUSTOMER, AGENT, null).remoteName());
        assertEquals("+420601123456", call(Direction.OUTBOUND, AGENT, CUSTOMER, null).remoteNumber());
        assertEquals("Jana Nováková", call(Direction.OUTBOUND, AGENT, CUSTOMER, null).remoteName());
        assertEquals("+420601123456", call(null, CUSTOMER, AGENT, null).remoteNumber(), "no direction: taken as inbound");
    }

    @Test
    void aMissingSideFallsBackToTheOtherForTheNumber() {
        assertEquals("201", call(Direction.INBOUND, null, AGENT, null).remoteNumber());
        assertEquals("+420601123456", call(Direction.OUTBOUND, CUSTOMER, null, null).remoteNumber());
        assertNull(call(Direction.INBOUND, null, null, null).remoteNumber());
        assertNull(call(Direction.OUTBOUND, null, null, null).remoteName());
    }

    @Test
    void theCustomersNameComesBeforeThePartysName() {
        Customer c = new Customer("Jana N. (CRM)", null, "42");
        assertEquals("Jana N. (CRM)", call(Direction.INBOUND, CUSTOMER, AGENT, c).remoteName());
        assertEquals("Jana Nováková", call(Direction.INBOUND, CUSTOMER, AGENT, new Customer(null, "1", "42")).remoteName(),
                "a customer without a name does not hide the caller's");
    }

    @Test
    void aLaterSnapshotWinsFieldByFieldAndKeepsWhatItLeavesOut() {
        Map<String, String> data = new HashMap<>(Map.of("order", "1", "lang", "cs"));
        Call first = new Call("c1", Direction.INBOUND, CUSTOMER, AGENT, new QueueRef("q1", "Sales", null),
                new Campaign("k1", "Spring"), new Customer("Jana", null, null), data, false, "voice");
        Call later = new Call("c1", null, null, new Party("202", null), null, null, null, Map.of("order", "2"), null, null);
        Call merged = first.mergedWith(later);
        assertEquals(Direction.INBOUND, merged.direction());
        assertEquals(CUSTOMER, merged.from());
        assertEquals(new Party("202", null), merged.to());
        assertEquals(first.queue(), merged.queue());
        assertEquals(first.campaign(), merged.campaign());
        assertEquals(first.customer(), merged.customer());
        assertEquals(Map.of("order", "2", "lang", "cs"), merged.data());
        assertEquals(false, merged.manual());
        assertEquals("voice", merged.media());

        Call everything = new Call("c1", Direction.OUTBOUND, AGENT, CUSTOMER, new QueueRef("q2", null, null),
                new Campaign("k2", null), new Customer("Other", null, null), Map.of(), true, "chat");
        assertEquals(new Call("c1", Direction.OUTBOUND, AGENT, CUSTOMER, new QueueRef("q2", null, null),
                new Campaign("k2", null), new Customer("Other", null, null), Map.of("order", "1", "lang", "cs"), true, "chat"),
                first.mergedWith(everything), "every field the later snapshot has replaces the earlier one");
        assertSame(first, first.mergedWith(null));
        data.put("order", "changed");
        assertEquals("1", first.data().get("order"), "a call keeps its own copy of the data");
    }

    @Test
    void aCallWithNothingKnownButItsId() {
        Call c = Call.of("x9");
        assertEquals("x9", c.id());
        assertEquals(Map.of(), c.data());
        assertNull(c.direction());
        assertTrue(c.voice());
    }

    @Test
    void onlyPhoneMediaGetTelephonyControls() {
        for (String m : new String[]{null, "", " ", "voice", "VOICE", "telephony", "Phone"}) {
            assertTrue(new Call("c", null, null, null, null, null, null, Map.of(), null, m).voice(), "voice: " + m);
        }
        for (String m : new String[]{"chat", "email", "sms"}) {
            assertFalse(new Call("c", null, null, null, null, null, null, Map.of(), null, m).voice(), "not voice: " + m);
        }
    }
}
