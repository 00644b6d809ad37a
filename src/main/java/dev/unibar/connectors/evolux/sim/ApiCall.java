package dev.unibar.connectors.evolux.sim;

import java.time.Instant;

/**
 * One request the fake {@code POST /api/v1/call} received. The token itself is never kept: only whether
 * one came and whether it matched.
 */
public record ApiCall(Instant at, String from, String to, String callInfo, boolean tokenPresent, boolean tokenValid,
                      int status, String message) {
}
