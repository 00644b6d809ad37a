package dev.unibar.connectors;

import dev.unibar.config.PageHosting.Embed;
import dev.unibar.config.SectionReader;
import dev.unibar.flow.FarEnd;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Everything Unibar knows about one vendor: its id, its config section, its mapper, how to set up a
 * connector (live or against its built-in simulator) and how to run that simulator on its own. One module
 * lives in each vendor's folder ({@code dev.unibar.connectors.<id>}); the registry in {@code dev.unibar.app}
 * lists them, and every other place asks the registry.
 */
public interface VendorModule {

    /** The CONTRACT vendor id; also the key of the vendor's config section. */
    String id();

    /** The vendor's product name as agents know it, for titles and messages. */
    String displayName();

    /** Reads the vendor's section of config.yml into its own config record. */
    SectionReader configReader();

    /**
     * Where the vendor's page is shown unless its section says {@code embed:}: the browser window for a vendor
     * whose softphone is WebRTC (the WebView carries no call audio), else the WebView.
     */
    default Embed defaultEmbed() {
        return Embed.WEBVIEW;
    }

    /** A fresh mapper (mappers may keep per-session state): the live bar and {@code translate} share it. */
    VendorMapper newMapper();

    /**
     * A live set-up for the vendor's config record (the one {@link #configReader()} made). May run off the FX
     * thread while the toolkit starts: reach the page only through the environment's channel.
     */
    VendorSetup open(Object config, VendorEnvironment env);

    /** Demo mode: starts the built-in simulator and a set-up against it. */
    VendorSetup openDemo(VendorEnvironment env);

    /**
     * {@code unibar simulate}: runs the simulator on 127.0.0.1 ({@code port} 0 = any free port), prints its
     * addresses to {@code out}, and returns what stops it.
     */
    AutoCloseable simulate(int port, PrintStream out);

    /**
     * The far end of call flows on this vendor's simulator ({@code unibar flow run}, Simulator → Run flow…):
     * {@code simulator} is what {@link VendorSetup#simulator()} returned. Built in the module, the one class of
     * the vendor's folder that may touch its simulator. Empty when the module offers none.
     */
    default Optional<FarEnd> farEnd(Object simulator) {
        return Optional.empty();
    }

    /**
     * The vendor's end causes (the {@code cause} of its {@code call.ended}, lower case, spaces as underscores) in the
     * common vocabulary, where a cause says more than the facts of the call (decision 0055); a cause left out is a
     * plain hang-up. docs/vendors/&lt;vendor&gt;.md shows the same table.
     */
    default java.util.Map<String, dev.unibar.core.model.CallEnd> endCauses() {
        return java.util.Map.of();
    }
}
