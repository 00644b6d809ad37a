package dev.unibar.screenpop;

import java.util.Locale;

/**
 * The one test of "a web page" for screen-pop and the customer lookup: http or https, the scheme in any case
 * (RFC 3986: schemes are case-insensitive). The config check accepted {@code HTTPS://...} and every opener compared
 * case-sensitively, so such a page never opened (issue 22).
 */
public final class WebAddress {

    private WebAddress() {
    }

    public static boolean isHttp(String url) {
        return url != null && (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8));
    }

    /** The scheme in its canonical lower case, the rest as written. */
    static String canonical(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? url : url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
    }
}
