package dev.unibar.connectors.webbar;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.config.SectionReader;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModuleBase;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.core.LoginForm;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The module of a vendor whose bar is a web page. Live and in demo mode alike the set-up is the vendor's
 * {@link WebBarConnector} on its page with a login form; in demo mode the config is the simulator's and the
 * Simulator menu plays its scenarios. The module says how to make the connector, the simulator's config and
 * scenarios, and where the page is shown unless the config says otherwise.
 */
public abstract class WebBarModule<C, S extends AutoCloseable> extends VendorModuleBase<C, S> {

    /** The vendor's own page draws the sign-in: the bar's form stays hidden. */
    public static final LoginForm VENDOR_PAGE_LOGIN = new LoginForm(true, List.of(), false, null, null, null);

    private final Embed defaultEmbed;

    /**
     * @param defaultEmbed the browser window for a vendor whose softphone is WebRTC (the WebView carries no call
     *                     audio), else the WebView
     */
    protected WebBarModule(String id, String displayName, Embed defaultEmbed, Class<C> configType,
                           Supplier<? extends SectionReader> reader, Supplier<? extends VendorMapper> mapper,
                           Class<S> simulatorType, IntFunction<S> simulator) {
        super(id, displayName, configType, reader, mapper, simulatorType, simulator);
        this.defaultEmbed = defaultEmbed;
    }

    @Override
    public final Embed defaultEmbed() {
        return defaultEmbed;
    }

    @Override
    protected final VendorSetup live(C config, VendorEnvironment env) {
        return SimpleSetup.live(connector(config, env, null), loginForm(config));
    }

    @Override
    protected VendorSetup demo(S simulator, VendorEnvironment env) {
        return demo(simulator, demoConfig(simulator), env);
    }

    /** Against a simulator the caller controls (demo, tests, benchmarks), with the config it wants. */
    public final VendorSetup demo(S simulator, C config, VendorEnvironment env) {
        return new SimpleSetup(connector(config, env, simulator), demoLoginForm(config), simulator, scenarios(simulator),
                name -> play(simulator, name), () -> closeQuietly(simulator));
    }

    /**
     * The vendor's connector on its page, registered with the environment ({@link WebPage}).
     *
     * @param simulator the simulator in demo mode, null when live
     */
    protected abstract WebBarConnector connector(C config, VendorEnvironment env, S simulator);

    /** The config that points the connector at the simulator. */
    protected abstract C demoConfig(S simulator);

    /** The scenarios the Simulator menu offers. */
    protected abstract List<String> scenarios(S simulator);

    /** Plays one of them. */
    protected abstract void play(S simulator, String scenario);

    /** What the bar's login form asks; by default nothing, since the vendor's page signs in. */
    protected LoginForm loginForm(C config) {
        return VENDOR_PAGE_LOGIN;
    }

    /** The same in demo mode. */
    protected LoginForm demoLoginForm(C config) {
        return loginForm(config);
    }
}
