package dev.unibar.connectors.ucs.sim;

import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimDevice;
import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimUser;

import java.util.List;
import java.util.Locale;

/**
 * The agent's session on the operator bar (seed 002): login and SSO, the phone pairing
 * (identify, selectIdentifier, provision), logout, and the agent's status with its AUX reason. Runs
 * under the {@link UcsSimState} lock; a refused method pushes onWarning and answers false.
 */
final class UcsSession {

    private final UcsSimState st;
    private final UcsSimSettings settings;
    SimUser user;
    SimDevice device;
    String status = "OFFLINE";
    String reason;
    String loginError;

    UcsSession(UcsSimState st, UcsSimSettings settings) {
        this.st = st;
        this.settings = settings;
    }

    boolean login(String username, String password) {
        UcsSimSettings.LoginError armed = settings.takeLoginError();
        if (armed != null) return loginFailed(armed.code(), armed.message());
        SimUser u = settings.user(username);
        if (u == null || password == null || !u.password().equals(password)) return loginFailed(401, "Invalid credentials");
        loggedIn(u);
        return true;
    }

    boolean sso(String username, String token) {
        UcsSimSettings.LoginError armed = settings.takeLoginError();
        if (armed != null) return loginFailed(armed.code(), armed.message());
        SsoToken.Verdict v = SsoToken.verify(token, username, settings.ssoSecret(), st.nowSeconds(), UcsSimSettings.SSO_WINDOW_SECONDS);
        if (v == SsoToken.Verdict.EXPIRED) return loginFailed(401, "SSO token expired");
        if (v != SsoToken.Verdict.OK) return loginFailed(401, "Invalid SSO token");
        SimUser u = settings.user(username);
        if (u == null) return loginFailed(404, "Unknown user " + username);
        loggedIn(u);
        return true;
    }

    /** A failed login still ran (UCS answered it), so it counts as accepted. */
    private boolean loginFailed(int code, String message) {
        loginError = message;
        st.push("onLoginError", code, message);
        return true;
    }

    private void loggedIn(SimUser u) {
        user = u;
        loginError = null;
        status = "OFFLINE";
        reason = null;
        st.push("onUser", st.shapes().user());
        if (st.flag("withoutDevice")) {
            device = null;
            st.phase(UcsSimState.Phase.READY);
            st.push("onReady", st.shapes().state());
        } else {
            st.phase(UcsSimState.Phase.IDENTIFY);
            st.push("onIdentify", st.shapes().devices());
        }
    }

    /** Calls are dropped by the caller; the status goes OFFLINE, the page is asked for credentials again. */
    boolean logout(boolean wasReady) {
        if (wasReady && !"OFFLINE".equals(status)) setStatus("OFFLINE", null);
        user = null;
        device = null;
        st.phase(UcsSimState.Phase.CREDENTIALS);
        st.push("onCredentials");
        return true;
    }

    boolean selectIdentifier(String identifier) {
        SimDevice d = null;
        for (SimDevice x : settings.devices()) if (x.identifier().equals(identifier)) d = x;
        if (d == null) return st.refuse("Unknown identifier: " + identifier);
        device = d;
        st.phase(UcsSimState.Phase.DEVICE);
        st.push("onIdentifier", identifier);
        st.push("onDevice", d.toMap());
        if (!st.flag("confirmDevice")) goReady();
        return true;
    }

    boolean provision() {
        if (device == null) return st.refuse("provision: no phone is paired");
        goReady();
        return true;
    }

    private void goReady() {
        st.phase(UcsSimState.Phase.READY);
        st.push("onReady", st.shapes().state());
    }

    /** The phone stays known: provision in IDENTIFY pairs it again, selectIdentifier picks another. */
    boolean identify() {
        st.phase(UcsSimState.Phase.IDENTIFY);
        st.push("onIdentify", st.shapes().devices());
        return true;
    }

    /** changeStatus: READY, ACW, OFFLINE, or AUX with one of the configured reasons. */
    boolean changeStatus(String requested, String why) {
        String s = requested == null ? "" : requested.toUpperCase(Locale.ROOT);
        if (!UcsSimState.STATUSES.contains(s)) return st.refuse("changeStatus: unknown status " + requested);
        if ("AUX".equals(s) && (why == null || !settings.auxReasons().contains(why))) {
            return st.refuse("changeStatus: AUX needs a reason from auxReasons, got " + why);
        }
        st.callBook().cancelAcw();
        setStatus(s, "AUX".equals(s) ? why : null);
        return true;
    }

    void setStatus(String s, String why) {
        status = s;
        reason = why;
        st.push("onStateChange", st.shapes().status());
    }

    /** The agent's own line: their phone's number, else their extension. */
    SimCall.Party agentParty() {
        String number = device != null ? device.number() : user == null ? null : user.extension();
        return new SimCall.Party(user == null ? null : user.displayname(), number,
                number == null ? null : "SIP/" + number + "-00000001", number, user == null ? null : (user.superuser() ? 2 : 1),
                true, device == null ? null : device.id(), "line",
                user == null ? null : user.id(), user == null ? null : user.username());
    }

    List<SimUser> users() {
        return settings.users();
    }
}
