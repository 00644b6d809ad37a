package dev.unibar.connectors.agentdesktop.sim;

import java.time.Instant;
import java.util.List;

/** One SDK method call a widget made, as the fake AgentDesktop received it. */
public record Recorded(String namespace, String method, List<Object> args, boolean accepted, String note, Instant at) {

    public Recorded {
        args = List.copyOf(args.stream().map(a -> a == null ? "<null>" : a).toList());
    }

    /** {@code "CONTACT.Hold"}. */
    public String qualified() {
        return namespace + "." + method;
    }
}
