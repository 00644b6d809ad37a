package dev.unibar.connectors.evolux.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two time formats and the agent object the Evolux Phone puts in its payloads (seed 000). */
final class SimTimes {

    private static final DateTimeFormatter CALL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PAUSE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private SimTimes() {
    }

    /** Call times: milliseconds and {@code Z}, as in "2021-02-18T20:47:47.476Z". */
    static String callTime(Instant t) {
        return CALL.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Pause times: micro-seconds and an offset, as in "2021-02-18T20:51:54.866913+00:00". */
    static String pauseTime(Instant t) {
        return PAUSE.format(t.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * The agent object. The seed sends id and extension as numbers in call and pause events and the
     * extension as a string (email null) in agentLogin; the older page has no login or email.
     */
    static Map<String, Object> agent(SimAgent a, Variant v, boolean login) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean strings = v == Variant.STRINGS;
        m.put("id", strings ? String.valueOf(a.id()) : a.id());
        m.put("name", a.name());
        m.put("extension", strings || login ? String.valueOf(a.extension()) : a.extension());
        if (v != Variant.OLDER) {
            m.put("login", a.login());
            m.put("email", login ? null : a.email());
        }
        return m;
    }
}
