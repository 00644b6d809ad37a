package dev.unibar.connectors.evolux.sim;

import java.util.Map;

/** One message the fake phone page is to post to its parent: {@code {eventName, payload}}, numbered. */
public record Posted(long seq, String eventName, Map<String, Object> payload) {
}
