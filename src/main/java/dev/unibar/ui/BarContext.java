package dev.unibar.ui;

import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import dev.unibar.flow.FarEnd;
import dev.unibar.journal.CallJournal;
import javafx.scene.Node;

import java.util.List;
import java.util.Optional;

/**
 * What the bar needs from one vendor set-up. The composition root implements it once for every vendor;
 * the UI knows nothing else about the vendor. {@link UnibarApp} starts the session after the window is
 * bound to it, so an implementation must not start it itself.
 */
public interface BarContext {

    Session session();

    /** The vendor's own web bar, if it has one. Called once, on the FX thread. */
    Optional<Node> vendorView();

    /** What the native login form asks for (decided by the vendor's module). */
    LoginForm loginForm();

    /** Simulator scenarios offered in the "Simulator" menu; empty for a live vendor. */
    List<String> scenarios();

    void runScenario(String name);

    String title();

    /** Stop the session and release whatever the context holds (servers, WebViews). */
    void close();

    default LoginMode loginMode() {
        return loginForm().vendorPage() ? LoginMode.VENDOR_PAGE : LoginMode.NATIVE;
    }

    /** True when the vendor pairs the phone in the login request itself. */
    default boolean pairsDeviceAtLogin() {
        return loginForm().pairsDeviceAtLogin();
    }

    /** True when dialing, transferring and conferencing offer an "internal extension" check box. */
    default boolean distinguishesInternalNumbers() {
        return loginForm().distinguishesInternalNumbers();
    }

    /** The simulator's far end, for Simulator → Run flow…; empty for a live vendor. */
    default Optional<FarEnd> farEnd() {
        return Optional.empty();
    }

    /** The call journal behind the recent-calls list; empty when it is off or could not open. */
    default Optional<CallJournal> journal() {
        return Optional.empty();
    }

    /**
     * Screen-pop rules with {@code open: bar} open their page with {@code opener} (the bar's screen-pop
     * window; called from any thread). Nothing when screen-pop is not this context's.
     */
    default void openScreenPopsWith(java.util.function.Consumer<String> opener) {
    }

    /** Whether a customer lookup is configured (its answer may carry a picture for the call card). */
    default boolean lookupPictures() {
        return false;
    }

    /** Wrap-up (account) codes offered as one-click choices ({@code wrapUp: codes:}); empty: typed only. */
    default List<String> accountCodes() {
        return List.of();
    }

    /** True when the simulator offers calls on its own (demo mode), so the Simulator menu can switch them. */
    default boolean offersDemoCalls() {
        return false;
    }

    default boolean demoCallsOn() {
        return false;
    }

    /** Starts or stops the simulator's automatic calls; nothing when it makes none. */
    default void setDemoCalls(boolean on) {
    }

    /** The link to the agent's CRM (local API, dispositions, webhooks); empty when none is configured. */
    default Optional<CrmView> crm() {
        return Optional.empty();
    }

    /** What the native login form starts with (never a password). */
    default LoginDefaults loginDefaults() {
        LoginForm f = loginForm();
        return new LoginDefaults(f.username(), f.device(), f.deviceType());
    }
}
