package dev.unibar.ui;

/** Who draws the login: the bar's own form, or the vendor's page inside the vendor panel. */
public enum LoginMode {
    NATIVE, VENDOR_PAGE
}
