package dev.unibar.flow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Plays a far-end step on the simulator's {@link FarEnd}: the step's keys become the action's arguments. */
final class FarSteps {

    private FarSteps() {
    }

    /** @throws UnsupportedOperationException when the simulator cannot play the action */
    static void play(FarEnd farEnd, Step step) {
        switch (step.action()) {
            case "inbound" -> farEnd.inboundCall(new FarEnd.InboundCall(step.text("from"), step.text("name"),
                    step.text("queue"), strings(step.map("data")), step.map("options")));
            case "campaign" -> {
                Map<String, Object> customer = step.map("customer");
                farEnd.campaignCall(new FarEnd.CampaignCall(step.text("to"), step.text("campaign"),
                        str(customer.get("name")), str(customer.get("id")), strings(step.map("data")), step.map("options")));
            }
            case "hangup" -> farEnd.customerHangsUp();
            case "colleague" -> farEnd.consultTarget(outcome(step));
            case "nextDial" -> farEnd.nextDial(outcome(step));
            case "waiting" -> farEnd.waitingCallers(Integer.parseInt(step.text("count").trim()));
            case "scenario" -> farEnd.scenario(step.text("name"), step.map("params"));
            default -> throw new IllegalArgumentException("unknown far-end action " + step.action());
        }
    }

    private static FarEnd.Outcome outcome(Step s) {
        String o = s.text("outcome");
        return o == null ? FarEnd.Outcome.ANSWER : FarEnd.Outcome.valueOf(o.toUpperCase(Locale.ROOT));
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) out.put(k, String.valueOf(v));
        });
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
