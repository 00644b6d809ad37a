package dev.unibar.app;

import dev.unibar.config.FeaturesConfig;
import dev.unibar.core.Session;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.JournalFiles;
import dev.unibar.screenpop.BarTabs;
import dev.unibar.screenpop.ContactCardLookup;
import dev.unibar.screenpop.ScreenPop;
import dev.unibar.screenpop.SystemBrowser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What the bar does with every call besides showing it: the durable call journal and screen-pop, both fed by
 * the session's normalized events. A journal that cannot open is logged and left out: the bar still works.
 */
final class CallFeatures implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CallFeatures.class.getName());

    private final CallJournal journal;
    private final List<AutoCloseable> handles = new ArrayList<>();
    private final BarTabs barTabs;

    private CallFeatures(CallJournal journal, BarTabs barTabs) {
        this.journal = journal;
        this.barTabs = barTabs;
    }

    /** @param demo demo calls go to a journal of their own, never into the agent's real one */
    static CallFeatures attach(Session session, FeaturesConfig features, boolean demo, Clock clock) {
        return attach(session, features, openJournal(features, demo, clock));
    }

    /**
     * Opens the configured journal, or returns null (journal off, or a file that cannot be opened: logged).
     * Apart from {@link #attach(Session, FeaturesConfig, CallJournal)} so that it can run on a thread of its own.
     */
    static CallJournal openJournal(FeaturesConfig features, boolean demo, Clock clock) {
        CallJournal journal = null;
        FeaturesConfig.Journal j = features.journal();
        if (j.enabled()) {
            Path file = JournalFiles.file(j.file(), demo);
            try {
                journal = CallJournal.open(file, j.retentionDays() == 0 ? null : Duration.ofDays(j.retentionDays()), clock);
                journal.endCauses(Vendors.endCauses());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; calls are not journaled this time");
            }
        }
        return journal;
    }

    /** {@link #openJournal} on a thread of its own; {@link #await} its result. */
    static FutureTask<CallJournal> openJournalInBackground(FeaturesConfig features, boolean demo, Clock clock) {
        FutureTask<CallJournal> task = new FutureTask<>(() -> openJournal(features, demo, clock));
        Thread t = new Thread(task, "unibar-journal-open");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The journal {@code task} opened, or null; what it threw unchecked is thrown here. */
    static CallJournal await(FutureTask<CallJournal> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    static void closeQuietly(CallJournal journal) {
        if (journal == null) return;
        try {
            journal.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "journal did not close: " + e.getMessage());
        }
    }

    /** The features for {@code session}, with {@code journal} (may be null) recording its calls. */
    static CallFeatures attach(Session session, FeaturesConfig features, CallJournal journal) {
        SystemBrowser browser = new SystemBrowser(System.getProperty("os.name"));
        CallFeatures f = new CallFeatures(journal, new BarTabs(browser));
        if (journal != null) f.handles.add(journal.attach(session));
        f.handles.add(new ScreenPop(features.screenPop(), browser, f.barTabs).attach(session));
        f.handles.add(new ContactCardLookup(features.customerLookup()).attach(session));
        return f;
    }

    /** Where {@code open: bar} pages go; the bar attaches its screen-pop window here. */
    BarTabs barTabs() {
        return barTabs;
    }

    Optional<CallJournal> journal() {
        return Optional.ofNullable(journal);
    }

    @Override
    public void close() {
        for (AutoCloseable h : handles) {
            try {
                h.close();
            } catch (Exception ignored) {
                // listeners only
            }
        }
        if (journal != null) journal.close();
    }
}
