package dev.unibar.connectors.max;

import dev.unibar.connectors.webbar.Origins;

import java.time.Duration;
import java.util.List;

/**
 * The {@code max:} section: MAX's address, what to subscribe to, how long to wait for MAX's
 * acknowledgement, and extra origins MAX may answer from (a MAX behind a second host name).
 */
public record MaxConfig(String url, List<String> subscriptionTypes, Duration ackTimeout, List<String> trustedOrigins) {

    public static final List<String> DEFAULT_TYPES = List.of("agent", "contacts");
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(5);

    public MaxConfig {
        subscriptionTypes = subscriptionTypes == null || subscriptionTypes.isEmpty() ? DEFAULT_TYPES : List.copyOf(subscriptionTypes);
        ackTimeout = ackTimeout == null ? DEFAULT_ACK_TIMEOUT : ackTimeout;
        trustedOrigins = trustedOrigins == null ? List.of() : List.copyOf(trustedOrigins);
    }

    /** MAX's origin: where its replies must come from, and the page the child frame goes into. */
    public String origin() {
        return Origins.of(url);
    }
}
