package dev.unibar.app;

import dev.unibar.bridge.HostFallback;
import dev.unibar.bridge.PageChannel;
import dev.unibar.bridge.browser.BrowserFinder;
import dev.unibar.bridge.browser.BrowserOptions;
import dev.unibar.bridge.browser.DevToolsChoice;
import dev.unibar.config.PageHosting.Embed;
import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.flow.FarEnd;
import dev.unibar.journal.CallJournal;
import dev.unibar.ui.BarContext;
import dev.unibar.ui.Messages;
import javafx.scene.Node;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The composition root for any vendor: the module's set-up, the session around its connector, and the
 * host page (if the vendor has one) shown in the vendor panel. Created on any thread: off the FX thread
 * the vendor's WebView waits for {@link #realizePage()}.
 */
public final class VendorContext implements BarContext {

    private final VendorModule module;
    private final PageHost<?> pages;
    private final VendorSetup setup;
    private final Session session;
    /** Journal and screen-pop: only for the bar a config made, not for a test's own set-up. */
    private CallFeatures features;
    private List<String> accountCodes = List.of();
    private boolean lookupPictures;
    /** The CRM link (issue 23); null when nothing links this bar to a CRM. */
    private CrmLink crm;
    private final Messages msg;

    private VendorContext(VendorModule module, PageHost<?> pages, VendorSetup setup, Clock clock, Messages msg,
                          Event.Notice atStart) {
        this.module = module;
        this.pages = pages;
        this.setup = setup;
        this.msg = msg;
        this.session = new Session(atStart == null ? setup.connector() : new NoticeAtStart(setup.connector(), atStart), clock,
                module.endCauses());
    }

    /** For a configuration: the configured vendor live, or its simulator in demo mode or without a section. */
    public static VendorContext create(UnibarConfig config) {
        String id = config.effectiveVendor();
        VendorModule module = Vendors.find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown vendor \"" + id + "\" (known: " + String.join(", ", Vendors.ids()) + ")"));
        Object section = config.sections().get(id);
        boolean demo = config.demo() || section == null;
        Function<VendorEnvironment, VendorSetup> setUp = env -> demo ? module.openDemo(env) : module.open(section, env);
        // SQLite (its native library, the file, WAL) opens on a thread of its own while the vendor's module
        // starts: about a quarter of building the context when done in turn (JFR, demo start).
        FutureTask<CallJournal> journal = CallFeatures.openJournalInBackground(config.features(), demo, Clock.systemUTC());
        Messages msg = Messages.forLanguage(config.language());
        VendorContext ctx;
        try {
            ctx = openVendor(config, id, module, setUp, msg);
        } catch (RuntimeException | Error e) {
            CallFeatures.closeQuietly(CallFeatures.await(journal));
            throw e;
        }
        ctx.features = CallFeatures.attach(ctx.session, config.features(), CallFeatures.await(journal));
        ctx.linkCrm(config.features(), ctx.features.journal().orElse(null),
                dev.unibar.journal.JournalFiles.dataFolder(System::getenv, System.getProperty("os.name"),
                        System.getProperty("user.home")));
        if (!config.demoCalls()) ctx.setDemoCalls(false);
        ctx.accountCodes = config.features().wrapUp().codes();
        ctx.lookupPictures = config.features().customerLookup() != null;
        return ctx;
    }

    private static VendorContext openVendor(UnibarConfig config, String id, VendorModule module,
                                            Function<VendorEnvironment, VendorSetup> setUp, Messages msg) {
        VendorContext ctx;
        if (config.hosting().embed(id, module.defaultEmbed()) == Embed.BROWSER) {
            Optional<Path> browser = BrowserFinder.find(config.hosting().browserPath());
            DevToolsChoice choice = BrowserPages.choice(config.hosting().transport(), System.getProperty("os.name", ""), System::getenv);
            if (browser.isPresent() && choice == DevToolsChoice.REFUSED_ON_SHARED_HOST) {
                ctx = open(module, setUp, Clock.systemUTC(), new WebViewPages(Clock.systemUTC()), msg,
                        new Event.Notice(id, null, NoticeLevel.WARNING, msg.get("browser.notice.sharedHost")));
            } else if (browser.isPresent()) {
                BrowserOptions options = BrowserPages.options(browser.get(), id, config.hosting().transport());
                ctx = open(module, setUp, Clock.systemUTC(), new BrowserPages(Clock.systemUTC(), options, msg), msg,
                        choice == DevToolsChoice.PORT_ON_SHARED_HOST
                                ? new Event.Notice(id, null, NoticeLevel.WARNING, msg.get("browser.notice.sharedHostPort")) : null);
            } else {
                // The kit tells the agent, in the vendor's words about audio (decision 0076).
                Path configured = config.hosting().browserPath();
                ctx = open(module, setUp, Clock.systemUTC(), new BrowserPages(Clock.systemUTC(),
                        new HostFallback(HostFallback.Why.MISSING, configured == null ? null : configured.toString(), null), msg), msg, null);
            }
        } else {
            ctx = open(module, setUp, Clock.systemUTC());
        }
        return ctx;
    }

    /** A set-up the caller makes (tests and benchmarks run a simulator they control), in a WebView. */
    public static VendorContext open(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp, Clock clock) {
        return open(module, setUp, clock, new WebViewPages(clock), Messages.forLanguage("en"), null);
    }

    /** The same in a browser app window (tests and benchmarks of browser mode). */
    public static VendorContext openInBrowser(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp,
                                              Clock clock, BrowserOptions options, Messages msg) {
        return open(module, setUp, clock, new BrowserPages(clock, options, msg), msg, null);
    }

    private static VendorContext open(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp, Clock clock,
                                      PageHost<?> pages, Messages msg, Event.Notice atStart) {
        try {
            return new VendorContext(module, pages, setUp.apply(pages), clock, msg, atStart);
        } catch (RuntimeException e) {
            pages.close();
            throw e;
        }
    }

    public VendorModule module() {
        return module;
    }

    /** The simulator behind a demo set-up, for tests that drive the far end. */
    public <T> T simulator(Class<T> type) {
        return type.cast(setup.simulator());
    }

    /** The far end of call flows on the demo simulator; empty for a live vendor. */
    @Override
    public Optional<FarEnd> farEnd() {
        return setup.demo() ? module.farEnd(setup.simulator()) : Optional.empty();
    }

    @Override
    public void openScreenPopsWith(java.util.function.Consumer<String> opener) {
        if (features != null) features.barTabs().attach(opener);
    }

    @Override
    public boolean lookupPictures() {
        return lookupPictures;
    }

    @Override
    public List<String> accountCodes() {
        return accountCodes;
    }

    @Override
    public boolean offersDemoCalls() {
        return setup.demoCalls().isPresent();
    }

    @Override
    public boolean demoCallsOn() {
        return setup.demoCalls().map(VendorSetup.DemoCalls::on).orElse(false);
    }

    @Override
    public void setDemoCalls(boolean on) {
        setup.demoCalls().ifPresent(d -> d.set(on));
    }

    @Override
    public Optional<CallJournal> journal() {
        return features == null ? Optional.empty() : features.journal();
    }

    /**
     * The channel that shows the vendor page now (the WebView, or the browser window until it fails and the page
     * moves to a WebView), or null for a vendor without a web bar.
     */
    public PageChannel page() {
        return pages.shown();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Optional<Node> vendorView() {
        return pages.view();
    }

    /**
     * False while the vendor's WebView waits to be made: a context built off the FX thread (see
     * {@link WebViewPages}) gets it from {@link #realizePage()} after the bar's first frame.
     */
    public boolean pageMade() {
        return !(pages instanceof WebViewPages w) || w.made();
    }

    /** Makes the WebView of a page deferred at start-up; the desktop start-up calls it. FX thread. */
    public void realizePage() {
        if (pages instanceof WebViewPages w) w.realize();
    }

    @Override
    public LoginForm loginForm() {
        return setup.loginForm();
    }

    @Override
    public List<String> scenarios() {
        return setup.scenarios();
    }

    /**
     * A scenario that does not fit the moment (an inbound call while logged out) is told to the agent as a
     * warning, not thrown at the FX thread.
     */
    @Override
    public void runScenario(String name) {
        try {
            setup.runScenario(name);
        } catch (RuntimeException e) {
            // The reason is the simulator's, as the vendor would word it; the rest is in the agent's language.
            session.store().apply(new Event.Notice(module.id(), null, NoticeLevel.WARNING,
                    msg.format("scenario.refused", msg.scenarioTitle(module.id(), name), String.valueOf(e.getMessage()))));
        }
    }

    /**
     * Links this bar to the agent's CRM as {@code features} says (local API, dispositions, webhooks, hooks), with
     * {@code journal} (may be null) keeping dispositions and the outbox; tests link a context they opened.
     */
    public VendorContext linkCrm(dev.unibar.config.FeaturesConfig features, CallJournal journal, Path folder) {
        if (crm != null) crm.close();
        crm = CrmLink.start(session, features, journal, folder, Clock.systemUTC());
        return this;
    }

    @Override
    public Optional<dev.unibar.ui.CrmView> crm() {
        return Optional.ofNullable(crm);
    }

    /** The CRM link, for tests. */
    public Optional<CrmLink> crmLink() {
        return Optional.ofNullable(crm);
    }

    @Override
    public String title() {
        return "Unibar – " + module.displayName() + (setup.demo() ? " (demo)" : "");
    }

    @Override
    public void close() {
        session.stop();
        if (crm != null) crm.close();
        if (features != null) features.close();
        pages.close();
        setup.close();
    }
}
