package dev.unibar.screenpop;

import dev.unibar.core.model.Call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a screen-pop URL template: {@code {field}} becomes the call's value, URL-encoded (a space is {@code %20},
 * so the value reads the same in a path and a query); a field the call lacks becomes empty. The fields are
 * listed in config.FeaturesConfig.FIELDS and checked when the config is read.
 */
public final class UrlTemplate {

    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");

    private UrlTemplate() {
    }

    public static String expand(String template, String vendor, Call call) {
        Matcher m = FIELD.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = value(m.group(1), vendor, call);
            m.appendReplacement(b, Matcher.quoteReplacement(encode(v == null ? "" : v)));
        }
        m.appendTail(b);
        return WebAddress.canonical(b.toString());
    }

    /**
     * The same template filled with the plain values, not URL-encoded: the arguments of a command hook (issue 23),
     * which reach the program as they are, one argument each, never through a shell.
     */
    public static String fill(String template, String vendor, Call call) {
        Matcher m = FIELD.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = value(m.group(1), vendor, call);
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(b);
        return b.toString();
    }

    static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String value(String field, String vendor, Call c) {
        if (field.startsWith("data.")) return c.data().get(field.substring(5));
        return switch (field) {
            case "vendor" -> vendor;
            case "callId" -> c.id();
            case "direction" -> c.direction() == null ? null : c.direction().wire();
            case "number" -> c.remoteNumber();
            case "name" -> c.remoteName();
            case "from.number" -> c.from() == null ? null : c.from().number();
            case "from.name" -> c.from() == null ? null : c.from().name();
            case "to.number" -> c.to() == null ? null : c.to().number();
            case "to.name" -> c.to() == null ? null : c.to().name();
            case "queue.id" -> c.queue() == null ? null : c.queue().id();
            case "queue.name" -> c.queue() == null ? null : c.queue().name();
            case "queue.number" -> c.queue() == null ? null : c.queue().number();
            case "campaign.id" -> c.campaign() == null ? null : c.campaign().id();
            case "campaign.name" -> c.campaign() == null ? null : c.campaign().name();
            case "customer.name" -> c.customer() == null ? null : c.customer().name();
            case "customer.number" -> c.customer() == null ? null : c.customer().number();
            case "customer.externalId" -> c.customer() == null ? null : c.customer().externalId();
            default -> null;
        };
    }
}
