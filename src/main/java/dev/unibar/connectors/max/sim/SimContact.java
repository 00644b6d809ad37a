package dev.unibar.connectors.max.sim;

import java.time.Instant;

/** One voice contact as the fake MAX tracks it. Mutable; guarded by the {@link MaxSimState} lock. */
final class SimContact {
    final String contactId;
    final String masterId;
    final boolean inbound;
    final String ani;
    final String dnis;
    final String skill;
    final Instant startedAt;
    String callType = "Regular";
    String status;
    boolean finalState;
    boolean logging;
    String screenPopUrl = "";
    String disconnectCode = "";
    String customerName;

    SimContact(String contactId, String masterId, boolean inbound, String ani, String dnis, String skill,
               String status, Instant startedAt) {
        this.contactId = contactId;
        this.masterId = masterId;
        this.inbound = inbound;
        this.ani = ani;
        this.dnis = dnis;
        this.skill = skill;
        this.status = status;
        this.startedAt = startedAt;
    }

    /** Talking or on the line in some way: what hold, mute, mask, record and hang-up act on. */
    boolean isLive() {
        return status.equals("Active") || status.equals("Holding") || status.equals("Masking")
                || status.equals("Joined") || status.equals("Dialing");
    }
}
