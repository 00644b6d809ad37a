package dev.unibar.core.state;

import dev.unibar.core.model.Call;
import dev.unibar.core.model.Direction;

import java.time.Instant;

/**
 * A call as the bar shows it: the latest snapshot, where it stands, since when, and whether the
 * agent's microphone is off. {@code connectedAt} drives the talk-time display.
 */
public record CallView(Call call, CallStatus status, boolean muted, boolean conference, Instant since,
                       Instant connectedAt, boolean masked, boolean recording) {

    public CallView(Call call, CallStatus status, boolean muted, boolean conference, Instant since,
                    Instant connectedAt) {
        this(call, status, muted, conference, since, connectedAt, false, false);
    }

    public String id() {
        return call.id();
    }

    public boolean inboundRinging() {
        return status == CallStatus.RINGING && call.direction() != Direction.OUTBOUND;
    }

    CallView withStatus(CallStatus s, Instant now) {
        Instant c = connectedAt;
        if (s == CallStatus.CONNECTED && c == null) c = now;
        return new CallView(call, s, muted, conference, s == status ? since : now, c, masked, recording);
    }

    CallView withCall(Call c) {
        return new CallView(call.mergedWith(c), status, muted, conference, since, connectedAt, masked, recording);
    }

    CallView withMuted(boolean m) {
        return new CallView(call, status, m, conference, since, connectedAt, masked, recording);
    }

    CallView asConference() {
        return new CallView(call, status, muted, true, since, connectedAt, masked, recording);
    }

    CallView withMasked(boolean m) {
        return new CallView(call, status, muted, conference, since, connectedAt, m, recording);
    }

    CallView withRecording(boolean r) {
        return new CallView(call, status, muted, conference, since, connectedAt, masked, r);
    }
}
