package dev.unibar.journal;

import java.time.Instant;

/** One change of the agent's availability, as the vendor reported it. */
public record AgentStateRecord(String vendor, Instant at, String state, String reason, Boolean productive) {
}
