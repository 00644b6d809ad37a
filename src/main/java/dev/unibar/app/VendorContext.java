package dev.unibar.app;

import dev.unibar.bridge.WebPageChannel;
import dev.unibar.config.UnibarConfig;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.ui.BarContext;
import javafx.scene.Node;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The composition root for any vendor: the module's set-up, the session around its connector, and the
 * host page (if the vendor has one) shown in the vendor panel. Created on the FX thread when the vendor
 * hosts a page.
 */
public final class VendorContext implements BarContext {

    private final VendorModule module;
    private final WebViewPages pages;
    private final VendorSetup setup;
    private final Session session;

    private VendorContext(VendorModule module, WebViewPages pages, VendorSetup setup, Clock clock) {
        this.module = module;
        this.pages = pages;
        this.setup = setup;
        this.session = new Session(setup.connector(), clock);
    }

    /** For a configuration: the configured vendor live, or its simulator in demo mode or without a section. */
    public static VendorContext create(UnibarConfig config) {
        String id = config.effectiveVendor();
        VendorModule module = Vendors.find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown vendor \"" + id + "\" (known: " + String.join(", ", Vendors.ids()) + ")"));
        Object section = config.sections().get(id);
        boolean demo = config.demo() || section == null;
        return open(module, env -> demo ? module.openDemo(env) : module.open(section, env), Clock.systemUTC());
    }

    /** A set-up the caller makes (tests and benchmarks run a simulator they control). */
    public static VendorContext open(VendorModule module, Function<VendorEnvironment, VendorSetup> setUp, Clock clock) {
        WebViewPages pages = new WebViewPages(clock);
        try {
            return new VendorContext(module, pages, setUp.apply(pages), clock);
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

    /** The WebView page channel, or null for a vendor without a web bar. */
    public WebPageChannel page() {
        return pages.page();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Optional<Node> vendorView() {
        return Optional.ofNullable(pages.page()).map(WebPageChannel::view);
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
            session.store().apply(new Event.Notice(module.id(), null, NoticeLevel.WARNING, name + ": " + e.getMessage()));
        }
    }

    @Override
    public String title() {
        return "Unibar – " + module.displayName() + (setup.demo() ? " (demo)" : "");
    }

    @Override
    public void close() {
        session.stop();
        pages.close();
        setup.close();
    }
}
