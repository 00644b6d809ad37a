package dev.unibar.screenpop;

import dev.unibar.config.CustomerLookup;
import dev.unibar.core.Session;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Customer;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Looks the customer up once per call, when it rings or connects ({@code customerLookup.on}), and tells the
 * vendor the name and picture found with {@link Command.ContactCard}. Only for a vendor whose capabilities
 * list CONTACT_CARD: other vendors get no lookup at all, so call data leaves the machine only when it is used.
 * A lookup that fails is a notice, never an error of the call.
 */
public final class ContactCardLookup {

    private static final System.Logger LOG = System.getLogger(ContactCardLookup.class.getName());
    private static final int MEMORY = 200;

    private final CustomerLookup config;
    private final Map<String, Call> calls = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Call> e) {
            return size() > MEMORY;
        }
    };
    private final java.util.Set<String> looked = java.util.Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > MEMORY;
        }
    });

    public ContactCardLookup(CustomerLookup config) {
        this.config = config;
    }

    /** Watches the session until the handle is closed; without a configured lookup it does nothing. */
    public AutoCloseable attach(Session session) {
        if (config == null || !session.connector().capabilities().supports(CommandKind.CONTACT_CARD)) return () -> { };
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "customer-lookup");
            t.setDaemon(true);
            return t;
        });
        LookupRequest request = new LookupRequest(config, pool);
        Consumer<InspectorEntry> l = e -> {
            if (e.kind() != InspectorEntry.Kind.MAPPED) return;
            for (Event ev : e.events()) {
                String url = due(ev);
                if (url != null) lookUp(session, request, ((Event.CallEvent) ev).callId(), url);
            }
        };
        session.inspector().subscribe(l);
        return () -> {
            session.inspector().unsubscribe(l);
            pool.shutdownNow();
        };
    }

    /** The URL to look up now for this event, or null (not the moment, or already looked up). */
    synchronized String due(Event e) {
        Call snapshot = e instanceof Event.CallRinging r ? r.call()
                : e instanceof Event.CallDialing d ? d.call()
                : e instanceof Event.CallConnected c ? c.call() : null;
        if (snapshot == null || !(e instanceof Event.CallEvent ce)) return null;
        Call known = calls.get(ce.callId());
        calls.put(ce.callId(), known == null ? snapshot : known.mergedWith(snapshot));
        boolean moment = "connected".equals(config.on()) ? e instanceof Event.CallConnected : e instanceof Event.CallRinging;
        if (!moment || !looked.add(ce.callId())) return null;
        return UrlTemplate.expand(config.url(), e.vendor(), calls.get(ce.callId()));
    }

    private static void lookUp(Session session, LookupRequest request, String callId, String url) {
        String vendor = session.connector().vendor();
        request.fetch(url).thenAccept(a -> {
            if (a.failed()) {
                session.store().apply(Event.Notice.keyed(vendor, null, NoticeLevel.WARNING, a.failureKey(),
                        a.failureArgs().toArray()));
            } else if (a.name() != null && session.store().state().calls().containsKey(callId)) {
                // An answer after the call ended is dropped: the vendor would only refuse it, to the agent's confusion.
                // The agent sees the customer found on the call card and the pop-up, as the vendor's own data would be.
                session.store().apply(new Event.CallUpdated(vendor, null, callId, new Call(callId, null, null, null, null,
                        null, Customer.of(a.name(), null, null, a.imageUrl()), null, null)));
                session.send(new Command.ContactCard(callId, a.name(), a.imageUrl())).exceptionally(err -> {
                    LOG.log(System.Logger.Level.DEBUG, "contact card not sent: " + err.getMessage());
                    return null;
                });
            }
        });
    }
}
