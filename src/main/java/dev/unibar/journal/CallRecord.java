package dev.unibar.journal;

import dev.unibar.core.model.CallEnd;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One call as the journal keeps it: who, through which queue or campaign, for which customer, and when it rang,
 * was answered, held, ended and closed. Never a secret or a recording address: {@code recorded} only says a
 * recording was offered. {@code disposition} and {@code notes} are the agent's (or the CRM's) at wrap-up;
 * {@code loggedAt} is when the call was finished for the CRM and its record queued for webhooks (decision 0042);
 * {@code agent} the agent's login (or id) as the vendor reported it; {@code endCause} the vendor's own word for how it
 * ended, {@code vendorEnd} that word in the common vocabulary (null when it says nothing more than the facts).
 */
public record CallRecord(String vendor, String callId, String direction, String fromNumber, String fromName,
                         String toNumber, String toName, String queueId, String queueName, String campaignId,
                         String campaignName, String customerName, String customerNumber, String customerId,
                         Map<String, String> data, Instant firstSeen, Instant ringingAt, Instant answeredAt,
                         int holdCount, Duration held, Instant endedAt, String endCause, Instant wrapUpAt,
                         Instant finishedAt, String transferTarget, boolean conference, boolean recorded,
                         String disposition, String notes, Instant loggedAt, String agent, CallEnd vendorEnd) {

    public CallRecord {
        data = data == null ? Map.of() : Map.copyOf(data);
        held = held == null ? Duration.ZERO : held;
    }

    /** The other party's number, seen from the agent: what a redial calls. */
    public String remoteNumber() {
        boolean out = "outbound".equals(direction);
        String n = out ? toNumber : fromNumber;
        if (n == null) n = customerNumber;
        return n;
    }

    public String remoteName() {
        if (customerName != null) return customerName;
        return "outbound".equals(direction) ? toName : fromName;
    }

    /**
     * How the call ended in the common vocabulary (decision 0055): the vendor's cause where it says more than the
     * facts ({@code vendorEnd}), else answered / missed / not answered from what the journal saw; a call the vendor
     * has not ended is {@link CallEnd#IN_PROGRESS}.
     */
    public CallEnd end() {
        return CallEnd.of(endedAt != null, vendorEnd, "inbound".equals(direction), answeredAt != null,
                transferTarget != null);
    }

    /** When the call started for the agent: it rang, else it was first seen. */
    public Instant startedAt() {
        return ringingAt != null ? ringingAt : firstSeen;
    }
}
