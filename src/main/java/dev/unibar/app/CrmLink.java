package dev.unibar.app;

import dev.unibar.config.CrmConfig;
import dev.unibar.config.FeaturesConfig;
import dev.unibar.core.Session;
import dev.unibar.crm.CommandHooks;
import dev.unibar.crm.Dispositions;
import dev.unibar.crm.WebhookSender;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.Outbox;
import dev.unibar.localapi.ApiToken;
import dev.unibar.localapi.LocalApiServer;
import dev.unibar.localapi.Pairings;
import dev.unibar.ui.CrmView;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bar's link to the agent's CRM, put together for one session (issue 23): dispositions at wrap-up, calls
 * finished into the journal's outbox and sent to the webhooks, command hooks, and the local API, which hears of
 * dispositions and logged calls too. Parts the config leaves out are not made; without a journal there are no
 * dispositions and no webhooks (the outbox is the journal's), and the bar says so in its log.
 */
public final class CrmLink implements CrmView, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CrmLink.class.getName());

    private final CallJournal journal;
    private final Dispositions dispositions;
    private final List<WebhookSender> senders = new ArrayList<>();
    private final Map<String, Outbox.Status> delivery = new LinkedHashMap<>();
    private final List<Consumer<List<Outbox.Status>>> deliveryListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sweeper;
    private final CommandHooks hooks;
    private final LocalApiServer api;
    private final Clock clock;

    private CrmLink(Session session, FeaturesConfig features, CallJournal journal, Path folder, Clock clock,
                    WebhookSender.Backoff backoff) {
        CrmConfig crm = features.crm();
        this.journal = journal;
        this.clock = clock;
        if (journal != null) {
            CrmConfig.Dispositions d = crm.dispositions();
            List<String> codes = !d.codes().isEmpty() ? d.codes() : features.wrapUp().codes();
            dispositions = new Dispositions(session, journal, d, codes);
            journal.logging().logTo(crm.webhooks().stream().map(CrmConfig.Webhook::name).toList(),
                    Duration.ofSeconds(d.waitSeconds()));
            for (CrmConfig.Webhook w : crm.webhooks()) {
                senders.add(new WebhookSender(w, journal.outbox(), clock, backoff, WebhookSender.DEAD_AFTER, this::status));
                delivery.put(w.name(), journal.outbox().status(w.name()));
            }
            journal.logging().onOutboxChange(() -> senders.forEach(WebhookSender::poke));
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "unibar-call-log");
                t.setDaemon(true);
                return t;
            });
            // Once at start (what a killed bar left), then every second: cheap, one indexed query.
            sweeper.scheduleWithFixedDelay(journal.logging()::logDue, 0, 1, TimeUnit.SECONDS);
        } else {
            dispositions = null;
            sweeper = null;
            if (!crm.webhooks().isEmpty() || crm.dispositions().enabled()) {
                LOG.log(System.Logger.Level.WARNING, "webhooks and dispositions need the call journal, which is off");
            }
        }
        hooks = new CommandHooks(crm.hooks(), run -> { }).attach(session);
        api = crm.localApi().enabled() ? api(session, crm.localApi(), folder, clock) : null;
        if (api != null) api.follow(dispositions, journal == null ? null : journal.logging());
        senders.forEach(WebhookSender::start);
    }

    /**
     * Links {@code session} to the CRM as {@code features} says; {@code journal} may be null (then no dispositions or
     * webhooks); {@code folder} holds the API's token and approved origins unless the config names another file.
     */
    public static CrmLink start(Session session, FeaturesConfig features, CallJournal journal, Path folder, Clock clock) {
        return start(session, features, journal, folder, clock, WebhookSender.Backoff.standard());
    }

    /** The same with retries spaced as the caller says (tests and the kill test's child). */
    public static CrmLink start(Session session, FeaturesConfig features, CallJournal journal, Path folder, Clock clock,
                                WebhookSender.Backoff backoff) {
        return new CrmLink(session, features, journal, folder, clock, backoff);
    }

    private LocalApiServer api(Session session, CrmConfig.LocalApi config, Path folder, Clock clock) {
        Path dir = folder.resolve("localapi");
        ApiToken token = null;
        try {
            token = ApiToken.loadOrCreate(config.tokenFile() != null ? config.tokenFile() : dir.resolve("token"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the local API token could not be made (" + e.getMessage()
                    + "): programs without an Origin are refused");
        }
        Pairings pairings = new Pairings(config.origins(), dir.resolve("approved-origins.json"));
        try {
            return new LocalApiServer(session, dispositions, pairings, token, config.port(), config.commandsPerSecond(), clock)
                    .start();
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; the bar runs without its local API");
            return null;
        }
    }

    private void status(Outbox.Status s) {
        List<Outbox.Status> now;
        synchronized (delivery) {
            delivery.put(s.destination(), s);
            now = List.copyOf(delivery.values());
        }
        for (Consumer<List<Outbox.Status>> l : deliveryListeners) l.accept(now);
    }

    /** The local API, when it runs (tests, the benchmark). */
    public Optional<LocalApiServer> api() {
        return Optional.ofNullable(api);
    }

    @Override
    public Optional<Dispositions> dispositions() {
        return Optional.ofNullable(dispositions);
    }

    @Override
    public Optional<Pairings> pairings() {
        return api == null ? Optional.empty() : Optional.of(api.pairings());
    }

    @Override
    public void onDelivery(Consumer<List<Outbox.Status>> listener) {
        deliveryListeners.add(listener);
        synchronized (delivery) {
            listener.accept(List.copyOf(delivery.values()));
        }
    }

    @Override
    public int resendDead() {
        if (journal == null) return 0;
        int n = journal.outbox().resendDead(clock.instant());
        for (WebhookSender s : senders) status(journal.outbox().status(s.name()));
        return n;
    }

    @Override
    public void close() {
        if (api != null) api.close();
        senders.forEach(WebhookSender::close);
        if (sweeper != null) sweeper.shutdownNow();
        hooks.close();
        if (dispositions != null) dispositions.close();
    }
}
