package dev.unibar.connectors.agentdesktop.sim;

import java.util.List;

/**
 * Consultations and transfers, as the seed shows them (blind transfer, consultation leg, completion as
 * a transfer) and as docs/simulators/agentdesktop.md guesses the rest (completion as a conference, the
 * arguments of {@code Transfer_Complete*}). Runs under the {@link AdSimState} lock; a refusal is its text.
 */
final class AdTransfers {

    private final AdSimState s;

    AdTransfers(AdSimState s) {
        this.s = s;
    }

    String consult(String contactId, String destination, String callData) {
        if (destination.isEmpty()) return "destination missing";
        AdContact main = contactId.isEmpty() ? s.current() : s.contact(contactId);
        if (main == null || !main.online || !main.telephony()) return "no call to consult for";
        if (!main.held) {
            main.held = true;
            s.send(main, "HELD");
        }
        AdContact leg = s.outbound(destination);
        leg.putCallData(callData);
        leg.consultFor = main.id;
        s.add(leg);
        s.send(leg, "CONNECTIONSTARTED");
        s.send(leg, "DIALING");
        s.remoteAnswers(leg);
        return null;
    }

    String direct(String id, String destination) {
        if (destination.isEmpty()) return "destination missing";
        AdContact c = id.isEmpty() ? s.current() : s.contact(id);
        if (c == null || !c.online) return "no contact to transfer";
        if (!c.held) {
            c.held = true;
            s.send(c, "HELD");
        }
        s.send(c, "TRANSFERRED");
        s.clear(c, "transferred");
        return null;
    }

    /** Transfer_Complete(_Conference): the arguments are not public; any id given must be one of the pair. */
    String complete(List<Object> args, boolean conference) {
        AdContact leg = null;
        for (Object a : args) {
            AdContact c = a == null ? null : s.contact(String.valueOf(a));
            if (a != null && !String.valueOf(a).isBlank() && c == null) return "unknown contact " + a;
            if (c != null && c.consultFor != null) leg = c;
            if (c != null && c.consultFor == null) leg = legOf(c.id);
        }
        if (leg == null) leg = s.latestWhere(x -> x.consultFor != null && x.online);
        if (leg == null) return "no consultation in progress";
        AdContact main = s.contact(leg.consultFor);
        if (main == null || !main.online) return "the consulted call is gone";
        if (conference) {
            main.held = false;
            s.send(main, "ESTABLISHED");
            leg.online = false;
            leg.reason = "conference";
            s.send(leg, "CONNECTIONCLEARED");
            s.drop(leg);
            return null;
        }
        s.send(main, "TRANSFERRED");
        main.online = false;
        main.held = false;
        main.reason = "transferred";
        s.send(main, "CONNECTIONCLEARED");
        leg.online = false;
        leg.reason = "transferred";
        s.send(leg, "CONNECTIONCLEARED");
        s.drop(leg);
        main.jobState = "offline";
        s.send(main, "JOBCHANGED");
        return null;
    }

    private AdContact legOf(String mainId) {
        return s.latestWhere(x -> mainId.equals(x.consultFor) && x.online);
    }
}
