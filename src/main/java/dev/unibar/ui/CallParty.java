package dev.unibar.ui;

import dev.unibar.core.model.Call;

/**
 * Who a call is with, as the agent knows the call: the customer's name and number, and the queue or campaign
 * it came through. Never the vendor's call id, which means nothing to the agent.
 */
final class CallParty {

    private CallParty() {
    }

    /** "Maria Oliveira (5511988887777)", or whichever of the two the call has; null when it has neither. */
    static String who(Call c) {
        if (c == null) return null;
        String name = blank(c.remoteName()) ? null : c.remoteName().trim();
        String number = blank(c.remoteNumber()) ? null : c.remoteNumber().trim();
        if (name != null && number != null && !name.equals(number)) return name + " (" + number + ")";
        return name != null ? name : number;
    }

    /** The queue's or campaign's name (else its number or id); null when the call came through neither. */
    static String through(Call c) {
        if (c == null) return null;
        if (c.queue() != null) return first(c.queue().name(), c.queue().number(), c.queue().id());
        if (c.campaign() != null) return first(c.campaign().name(), c.campaign().id());
        return null;
    }

    /** One line for the agent: "With Maria Oliveira (5511988887777) · Suporte". */
    static String describe(Messages msg, Call c) {
        String who = who(c);
        if (who == null) who = msg.get("call.party.unknown");
        String through = through(c);
        return through == null ? msg.format("call.party.with", who) : msg.format("call.party.withQueue", who, through);
    }

    private static String first(String... values) {
        for (String v : values) if (!blank(v)) return v.trim();
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
