package dev.unibar.ui;

import dev.unibar.core.Session;
import javafx.scene.Node;

import java.util.List;
import java.util.Optional;

/**
 * What the bar needs from one vendor set-up. The lead implements one per vendor; the UI knows nothing
 * else about the vendor. {@link UnibarApp} starts the session after the window is bound to it, so an
 * implementation must not start it itself.
 */
public interface BarContext {

    Session session();

    /** The vendor's own web bar, if it has one. Called once, on the FX thread. */
    Optional<Node> vendorView();

    LoginMode loginMode();

    /** True when the vendor pairs the phone in the login request itself (EPBX). */
    boolean pairsDeviceAtLogin();

    /**
     * True when the vendor routes an internal extension differently from an outside number, so dialing,
     * transferring and conferencing offer an "internal extension" check box (EPBX). UCS does not need it.
     */
    default boolean distinguishesInternalNumbers() {
        return false;
    }

    /** Simulator scenarios offered in the "Simulator" menu; empty for a live vendor. */
    List<String> scenarios();

    void runScenario(String name);

    String title();

    /** Stop the session and release whatever the context holds (servers, WebViews). */
    void close();

    /** What the native login form starts with (never a password). */
    default LoginDefaults loginDefaults() {
        return LoginDefaults.NONE;
    }
}
