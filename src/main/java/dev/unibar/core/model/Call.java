package dev.unibar.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The CONTRACT's call snapshot. Every field but {@code id} may be null; {@code data} is never null
 * (empty when the vendor sent nothing) so callers need no null checks on it.
 */
public record Call(String id, Direction direction, Party from, Party to, QueueRef queue, Campaign campaign,
                   Customer customer, Map<String, String> data, Boolean manual, String media) {

    /** The contact's medium when it is not a phone call ({@code chat}, {@code email}...); null means voice. */
    public static final String VOICE = null;

    public Call(String id, Direction direction, Party from, Party to, QueueRef queue, Campaign campaign,
                Customer customer, Map<String, String> data, Boolean manual) {
        this(id, direction, from, to, queue, campaign, customer, data, manual, null);
    }

    public Call {
        Objects.requireNonNull(id, "call id");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Call of(String id) {
        return new Call(id, null, null, null, null, null, null, Map.of(), null, null);
    }

    /** The number of the other party, seen from the agent. */
    public String remoteNumber() {
        Party p = direction == Direction.OUTBOUND ? to : from;
        if (p == null) p = direction == Direction.OUTBOUND ? from : to;
        return p == null ? null : p.number();
    }

    public String remoteName() {
        if (customer != null && customer.name() != null) return customer.name();
        Party p = direction == Direction.OUTBOUND ? to : from;
        return p == null ? null : p.name();
    }

    /** A later snapshot wins field by field; what it leaves out is kept from this one. */
    public Call mergedWith(Call later) {
        if (later == null) return this;
        Map<String, String> d = new LinkedHashMap<>(data);
        d.putAll(later.data);
        return new Call(id,
                later.direction != null ? later.direction : direction,
                later.from != null ? later.from : from,
                later.to != null ? later.to : to,
                later.queue != null ? later.queue : queue,
                later.campaign != null ? later.campaign : campaign,
                later.customer != null ? later.customer : customer,
                d,
                later.manual != null ? later.manual : manual,
                later.media != null ? later.media : media);
    }

    /** True for a phone call; chat, e-mail and other contacts have no telephony controls. */
    public boolean voice() {
        return media == null || media.isBlank() || media.equalsIgnoreCase("voice")
                || media.equalsIgnoreCase("telephony") || media.equalsIgnoreCase("phone");
    }
}
