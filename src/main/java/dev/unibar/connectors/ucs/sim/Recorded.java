package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.CommandLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One method call the fake operator script sent, as the simulator saw it. Secrets are masked
 * before the record is made, so neither the record nor its JSON can leak them.
 *
 * @param state    the phase the session was in when the call arrived
 * @param accepted false when it was refused (wrong phase, no suitable call, bad arguments)
 */
public record Recorded(String method, List<Object> args, String state, boolean accepted, Instant at) {

    public static final String MASK = CommandLog.MASK;

    /** Methods whose second argument is a secret: login's password and sso's token. */
    private static final Set<String> SECRET_AT_1 = Set.of("login", "sso");

    public Recorded {
        args = Collections.unmodifiableList(new ArrayList<>(args == null ? List.of() : args));
    }

    public static List<Object> mask(String method, List<Object> args) {
        return SECRET_AT_1.contains(method) ? CommandLog.masked(args, 1) : CommandLog.masked(args);
    }
}
