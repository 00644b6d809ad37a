package dev.unibar.connectors.webbar;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.config.SectionReader;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModuleBase;
import dev.unibar.core.LoginForm;

import java.util.List;
import java.util.function.Supplier;

/**
 * The module of a vendor whose bar is a web page: {@link VendorModuleBase}, plus where the page is shown unless
 * the config says otherwise. Its connector is a {@link WebBarConnector} on a {@link WebPage}.
 */
public abstract class WebBarModule<C, S extends AutoCloseable> extends VendorModuleBase<C, S> {

    /** The vendor's own page draws the sign-in: the bar's form stays hidden. */
    public static final LoginForm VENDOR_PAGE_LOGIN = new LoginForm(true, List.of(), false, null, null, null);

    private final Embed defaultEmbed;

    /**
     * @param defaultEmbed the browser window for a vendor whose softphone is WebRTC (the WebView carries no call
     *                     audio), else the WebView
     */
    protected WebBarModule(String id, String displayName, Embed defaultEmbed, Class<C> configType, Class<S> simulatorType,
                           Supplier<? extends SectionReader> reader, Supplier<? extends VendorMapper> mapper) {
        super(id, displayName, configType, simulatorType, reader, mapper);
        this.defaultEmbed = defaultEmbed;
    }

    @Override
    public final Embed defaultEmbed() {
        return defaultEmbed;
    }
}
