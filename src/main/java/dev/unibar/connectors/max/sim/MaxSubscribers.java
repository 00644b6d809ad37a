package dev.unibar.connectors.max.sim;

import dev.unibar.simkit.Feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MAX's registry of subscribed child windows and what it posts to each: registration with MAX's checks
 * (contact id first, then the subscription types; docs/vendors/max.md), the routing of every event by
 * subscription, and the numbered deliveries the fake MAX page long-polls. Guarded by the
 * {@link MaxSimState} lock; the delivery feed has its own, so a page waiting for deliveries holds no lock
 * of the session.
 */
final class MaxSubscribers {

    record Subscription(String window, Set<String> types, Long contactId) {
    }

    private record Addressed(String window, Map<String, Object> message) {
    }

    static final Set<String> VALID_TYPES = Set.of("all", "agent", "contact", "contacts", "sessioninfo", "agentassist");

    private final Map<String, Subscription> subscribers = new LinkedHashMap<>();
    private final Feed<Addressed> deliveries = new Feed<>(5_000);
    private String pageLoad;

    boolean has(String window) {
        return subscribers.containsKey(window);
    }

    int count() {
        return subscribers.size();
    }

    boolean drop(String window) {
        return subscribers.remove(window) != null;
    }

    /**
     * MAX's registry lives in its page, so a MAX page loaded afresh has no subscribers. The page names each
     * window {@code <page load>/w<n>}: a message from a new load drops the subscribers of the loads before
     * it, as the real reload would have. Ids without a load (tests) are left alone.
     */
    void forgetGonePages(String window) {
        int slash = window == null ? -1 : window.indexOf('/');
        if (slash <= 0) return;
        String load = window.substring(0, slash + 1);
        if (load.equals(pageLoad)) return;
        pageLoad = load;
        subscribers.keySet().removeIf(w -> w.indexOf('/') > 0 && !w.startsWith(load));
    }

    /** The verdict of MAX's checks: the error text, or null with the subscription made. */
    record Verdict(Subscription subscription, Long contactId, String error, List<String> types) {
    }

    Verdict register(String window, Map<String, Object> data, MaxSimState.Flavor flavor) {
        Object rawId = data.get("contactId");
        Long contactId = null;
        if (rawId != null && !"".equals(rawId)) {
            contactId = parseContactId(rawId);
            if (contactId == null) return new Verdict(null, null, flavor.badContact, List.of());
        }
        List<String> types = new ArrayList<>();
        if (data.get("subscriptionTypes") instanceof List<?> list) {
            for (Object t : list) {
                if (t instanceof String s && VALID_TYPES.contains(s.toLowerCase(Locale.ROOT))) types.add(s.toLowerCase(Locale.ROOT));
            }
        }
        if (types.isEmpty()) return new Verdict(null, contactId, flavor.badTypes, List.of());
        Subscription s = new Subscription(window, Set.copyOf(types), contactId);
        subscribers.put(window, s);
        return new Verdict(s, contactId, null, List.copyOf(types));
    }

    /** An integer above zero, given as a number or a string of digits; anything else is invalid. */
    static Long parseContactId(Object raw) {
        String s = String.valueOf(raw).trim();
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (d != Math.rint(d)) return null;
            s = String.valueOf((long) d);
        }
        if (!s.matches("[0-9]{1,18}")) return null;
        long v = Long.parseLong(s);
        return v > 0 ? v : null;
    }

    /** Each subscriber receives the events its subscription lets through, in one message. */
    void emit(List<Map<String, Object>> events, MaxSimState.Flavor flavor) {
        for (Subscription s : subscribers.values()) {
            List<Map<String, Object>> mine = new ArrayList<>();
            for (Map<String, Object> e : events) if (passes(s, e)) mine.add(e);
            if (!mine.isEmpty()) deliver(s.window(), s.contactId(), mine, flavor);
        }
    }

    static boolean passes(Subscription s, Map<String, Object> e) {
        Set<String> t = s.types();
        if (t.contains("all")) return true;
        // NICE's messenger [X1] reads the camelCase contactId: MAX's live events carry ContactID, so they count as
        // agent events, and only events NICE's client makes itself (a cleared contact) reach `contacts`/`contact`.
        Object camel = e.get("contactId");
        String cid = camel == null || String.valueOf(camel).isEmpty() ? null : String.valueOf(camel);
        boolean sessionInfo = "SessionInfo".equals(e.get("messageType"));
        Object type = e.get("Type");
        if (t.contains("sessioninfo") && (sessionInfo || "AgentSessionEnd".equals(type) || "RemoteAgentSessionEnd".equals(type))) {
            return true;
        }
        if (sessionInfo) return false;
        if (t.contains("agent") && cid == null) return true;
        if (t.contains("contacts") && cid != null) return true;
        return s.contactId() != null && cid != null && cid.equals(String.valueOf(s.contactId()));
    }

    void deliver(String window, Long contactId, List<Map<String, Object>> events, MaxSimState.Flavor flavor) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("issuer", flavor.issuer);
        msg.put("contactId", contactId);
        msg.put("events", List.copyOf(events));
        deliveries.append(new Addressed(window, msg));
    }

    List<MaxSimState.Delivery> after(long after, Duration wait) throws InterruptedException {
        List<MaxSimState.Delivery> out = new ArrayList<>();
        for (Feed.Entry<Addressed> e : deliveries.after(after, wait)) {
            out.add(new MaxSimState.Delivery(e.seq(), e.item().window(), e.item().message()));
        }
        return out;
    }

    long lastSeq() {
        return deliveries.last();
    }

    /** The simulator stops: a page waiting for deliveries gets its answer now; {@code open} on a new start. */
    void close() {
        deliveries.close();
    }

    void open() {
        deliveries.open();
    }
}
