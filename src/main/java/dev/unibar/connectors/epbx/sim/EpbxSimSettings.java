package dev.unibar.connectors.epbx.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an EPBX simulator is made with: its port, accounts, devices, intervals and timings. The builder of
 * {@link EpbxSimulator} is one; the setters answer the builder itself, so calls chain.
 *
 * @param <B> the builder
 */
abstract class EpbxSimSettings<B extends EpbxSimSettings<B>> {

    int port;
    final Map<String, EpbxUser> users = new LinkedHashMap<>();
    List<EpbxDevice> devices = EpbxSimulator.DEFAULT_DEVICES;
    List<EpbxInterval> intervals = EpbxSimulator.DEFAULT_INTERVALS;
    int initialInterval;
    Duration tokenLifetime = Duration.ofMinutes(10);
    Duration keepAlive = Duration.ofSeconds(2);
    Duration disconnectTimeout = Duration.ofSeconds(30);
    Clock clock = Clock.systemUTC();

    EpbxSimSettings() {
        users.put(EpbxSimulator.DEMO_USER, new EpbxUser(EpbxSimulator.DEMO_USER, EpbxSimulator.DEMO_PASSWORD, "Agente Simulado"));
    }

    public B port(int port) {
        this.port = port;
        return self();
    }

    /** Adds an account (the default "agent"/"agent" stays unless {@link #clearUsers()}). */
    public B user(String username, String password, String nome) {
        users.put(username, new EpbxUser(username, password, nome));
        return self();
    }

    public B clearUsers() {
        users.clear();
        return self();
    }

    public B devices(List<EpbxDevice> devices) {
        this.devices = List.copyOf(devices);
        return self();
    }

    public B intervals(List<EpbxInterval> intervals) {
        this.intervals = List.copyOf(intervals);
        return self();
    }

    /** Interval a ramal is in right after Iniciar (0 = none). */
    public B initialInterval(int id) {
        this.initialInterval = id;
        return self();
    }

    public B tokenLifetime(Duration d) {
        this.tokenLifetime = d;
        return self();
    }

    /** Interval between classic {@code {}} keep-alives and Core pings. */
    public B keepAlive(Duration d) {
        this.keepAlive = d;
        return self();
    }

    /** How long a classic connection survives without a transport (then a reconnect is refused). */
    public B disconnectTimeout(Duration d) {
        this.disconnectTimeout = d;
        return self();
    }

    public B clock(Clock c) {
        this.clock = c;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
