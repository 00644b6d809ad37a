package dev.unibar.core;

import java.util.List;

/**
 * What the bar's own login form asks for with one vendor, decided by the vendor's module so that the UI
 * holds no vendor knowledge. No password is ever held here.
 *
 * @param vendorPage    true when the vendor's page draws the login itself (the native form then stays hidden)
 * @param deviceTypes   pairing kinds the login request takes (EPBX's TipoLogon names); empty when the phone
 *                      is paired after login or not at all
 * @param distinguishesInternalNumbers true when the vendor routes an internal extension differently from an
 *                      outside number, so dialing, transferring and conferencing offer an "internal" check box
 * @param username      pre-filled user name, or null
 * @param device        pre-filled device, or null
 * @param deviceType    pre-selected pairing kind, or null
 * @param demo          the simulator's own account, which the form tells the agent in demo mode; null otherwise
 */
public record LoginForm(boolean vendorPage, List<String> deviceTypes, boolean distinguishesInternalNumbers,
                        String username, String device, String deviceType, Demo demo) {

    /** The demo's account: a simulator's test user, never a real secret. */
    public record Demo(String user, String password) { }

    public LoginForm {
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
    }

    public LoginForm(boolean vendorPage, List<String> deviceTypes, boolean distinguishesInternalNumbers,
                     String username, String device, String deviceType) {
        this(vendorPage, deviceTypes, distinguishesInternalNumbers, username, device, deviceType, null);
    }

    /** The same form telling the agent the simulator's account (demo mode). */
    public LoginForm withDemo(String user, String password) {
        return new LoginForm(vendorPage, deviceTypes, distinguishesInternalNumbers, username, device, deviceType,
                new Demo(user, password));
    }

    /** The vendor pairs the phone in the login request itself. */
    public boolean pairsDeviceAtLogin() {
        return !deviceTypes.isEmpty();
    }

    /** A plain user name and password form. */
    public static LoginForm plain(String username) {
        return new LoginForm(false, List.of(), false, username, null, null);
    }
}
