package dev.unibar.ui;

/**
 * What the login form starts with, from configuration: the agent types only the password. Any value
 * may be null. There is deliberately no password here.
 */
public record LoginDefaults(String username, String device, String deviceType) {

    public static final LoginDefaults NONE = new LoginDefaults(null, null, null);
}
