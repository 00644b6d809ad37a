package dev.unibar.flow;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The far end of a call flow on a vendor's simulator: the customer who calls, the dialer that connects a
 * campaign call, the colleague who answers a consultation. A vendor module builds one from lambdas over its
 * own simulator ({@code VendorModule.farEnd}), so that only the module touches the simulator; an action the
 * simulator cannot play is refused with a message naming it.
 */
public final class FarEnd {

    /** How the party the agent calls (a dialled number, a consultation target) behaves. */
    public enum Outcome { ANSWER, BUSY, NOANSWER }

    /**
     * A call to the agent. {@code queue} is the vendor's queue id or name; {@code options} are vendor-specific
     * simulator parameters the flow passes through unchanged (for instance when the phone answers by itself).
     */
    public record InboundCall(String from, String name, String queue, Map<String, String> data,
                              Map<String, Object> options) {
        public InboundCall {
            data = data == null ? Map.of() : Map.copyOf(data);
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /** A dialer (campaign) call carrying the customer's record. */
    public record CampaignCall(String to, String campaign, String customerName, String customerId,
                               Map<String, String> data, Map<String, Object> options) {
        public CampaignCall {
            data = data == null ? Map.of() : Map.copyOf(data);
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    private final String vendor;
    private final Consumer<InboundCall> inbound;
    private final Consumer<CampaignCall> campaign;
    private final Runnable hangup;
    private final Consumer<Outcome> consult;
    private final Consumer<Outcome> dial;
    private final IntConsumer waiting;
    private final BiConsumer<String, Map<String, Object>> scenario;
    private final Runnable quiet;

    private FarEnd(Builder b) {
        vendor = b.vendor;
        inbound = b.inbound;
        campaign = b.campaign;
        hangup = b.hangup;
        consult = b.consult;
        dial = b.dial;
        waiting = b.waiting;
        scenario = b.scenario;
        quiet = b.quiet;
    }

    public static Builder builder(String vendor) {
        return new Builder(vendor);
    }

    public String vendor() {
        return vendor;
    }

    public void inboundCall(InboundCall call) {
        need(inbound, "inbound calls").accept(call);
    }

    public void campaignCall(CampaignCall call) {
        need(campaign, "campaign (dialer) calls").accept(call);
    }

    /** The other party of the agent's current call hangs up. */
    public void customerHangsUp() {
        need(hangup, "a hang-up by the customer").run();
    }

    /** How the party of the agent's next consultation behaves. */
    public void consultTarget(Outcome outcome) {
        need(consult, "consultation targets").accept(outcome);
    }

    /** How the number of the agent's next dial behaves. */
    public void nextDial(Outcome outcome) {
        need(dial, "outbound call outcomes").accept(outcome);
    }

    public void waitingCallers(int count) {
        need(waiting, "waiting callers").accept(count);
    }

    /** One of the simulator's own scenarios, by its name (the vendor's simulator manual lists them). */
    public void scenario(String name, Map<String, Object> params) {
        need(scenario, "named scenarios").accept(name, params == null ? Map.of() : params);
    }

    /** The far-end actions of a flow ({@code far:} steps) this simulator can play. */
    public java.util.Set<String> plays() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (inbound != null) out.add("inbound");
        if (campaign != null) out.add("campaign");
        if (hangup != null) out.add("hangup");
        if (consult != null) out.add("colleague");
        if (dial != null) out.add("nextDial");
        if (waiting != null) out.add("waiting");
        if (scenario != null) out.add("scenario");
        return java.util.Collections.unmodifiableSet(out);
    }

    /** Stops what the simulator does on its own (demo calls), so that only the flow acts. */
    public void quiet() {
        if (quiet != null) quiet.run();
    }

    private <T> T need(T action, String what) {
        if (action == null) throw new UnsupportedOperationException("the " + vendor + " simulator does not play " + what);
        return action;
    }

    /** Every action is optional: leave out what the simulator cannot play. */
    public static final class Builder {
        private final String vendor;
        private Consumer<InboundCall> inbound;
        private Consumer<CampaignCall> campaign;
        private Runnable hangup;
        private Consumer<Outcome> consult;
        private Consumer<Outcome> dial;
        private IntConsumer waiting;
        private BiConsumer<String, Map<String, Object>> scenario;
        private Runnable quiet;

        private Builder(String vendor) {
            this.vendor = Objects.requireNonNull(vendor);
        }

        public Builder inboundCall(Consumer<InboundCall> a) { inbound = a; return this; }
        public Builder campaignCall(Consumer<CampaignCall> a) { campaign = a; return this; }
        public Builder customerHangsUp(Runnable a) { hangup = a; return this; }
        public Builder consultTarget(Consumer<Outcome> a) { consult = a; return this; }
        public Builder nextDial(Consumer<Outcome> a) { dial = a; return this; }
        public Builder waitingCallers(IntConsumer a) { waiting = a; return this; }
        public Builder scenario(BiConsumer<String, Map<String, Object>> a) { scenario = a; return this; }
        public Builder quiet(Runnable a) { quiet = a; return this; }

        public FarEnd build() {
            return new FarEnd(this);
        }
    }
}
