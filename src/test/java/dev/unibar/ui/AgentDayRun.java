package dev.unibar.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.app.VendorContext;
import dev.unibar.connectors.VendorModule;
import dev.unibar.core.state.PrimaryActions.Action;
import dev.unibar.flow.FarEnd;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallRecord;
import dev.unibar.testkit.Host;
import javafx.stage.Stage;
import org.opentest4j.TestAbortedException;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One vendor's bar through the agent's day ({@link AgentDay}): opened on the test's stage at the first step, each
 * step played from the keyboard or by the far end and checked, the journal's rows checked at the end. Used by
 * {@link AgentDayTest} (the whole day) and {@link ScreenshotSuiteTest} (the day's first steps, pictured).
 */
final class AgentDayRun {
    private final VendorModule module;
    private final AgentDay.Vendor vendor;
    private final Host host;
    private final AgentKeys keys;
    private final AgentSees sees;
    private final List<String> done = new ArrayList<>();
    private VendorContext ctx;
    private FarEnd far;
    private CallJournal journal;
    private AutoCloseable journalling;
    private String broken;
    private double firstWidth;

    private final AgentDay day;
    private final Stage stage;
    private final String language;
    private final Path folder;
    /** Told after each step that passed, with the bar on the stage (the screenshot suite pictures it). */
    private java.util.function.Consumer<AgentDay.Step> afterStep = s -> { };

    AgentDayRun(AgentDay day, VendorModule module, AgentDay.Vendor vendor, Host host, FxRobot robot, Stage stage,
                String language, Path folder) {
        this.day = day;
        this.module = module;
        this.vendor = vendor;
        this.host = host;
        this.stage = stage;
        this.language = language;
        this.folder = folder;
        this.keys = new AgentKeys(robot);
        this.sees = new AgentSees(robot, day.colours(), Messages.forLanguage(language));
    }

    AgentDayRun afterStep(java.util.function.Consumer<AgentDay.Step> listener) {
        afterStep = listener;
        return this;
    }

    VendorContext context() {
        return ctx;
    }

    /** The window's width in the bar's first frame (before the first step acted), or 0 before it opened. */
    double firstWidth() {
        return firstWidth;
    }

    void step(AgentDay.Step s) throws Exception {
        if (broken != null) throw new TestAbortedException("the day stopped at " + broken);
        String gap = vendor.knownGaps().get(s.id());
        try {
            if (ctx == null) open();
            play(s);
        } catch (AssertionError | RuntimeException e) {
            if (gap != null) {
                throw new TestAbortedException("known gap (agent-day.yml, " + vendor.id() + "): " + gap
                        + "; this run: " + e.getMessage());
            }
            broken = s.id() + " (" + e.getMessage() + ")";
            throw e;
        }
        done.add(s.id());
        afterStep.accept(s);
        if (gap != null) {
            throw new AssertionError("known gap no longer seen: " + s.id() + " passes for " + vendor.id()
                    + "; remove it from knownGaps in agent-day.yml");
        }
    }

    private void open() {
        ctx = HostedBar.show(host, stage, module, module::openDemo, language);
        firstWidth = Fx.get(stage::getWidth);
        far = ctx.farEnd().orElseThrow(() -> new AssertionError(module.id() + " offers no far end"));
        far.quiet();
        ctx.setDemoCalls(false);
        try {
            journal = CallJournal.open(folder.resolve(module.id() + "-" + host + ".db"), null, Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        journalling = journal.attach(ctx.session());
    }

    private void play(AgentDay.Step s) {
        if (s.farBefore() != null) scenario(s.farBefore());
        String why = vendor.cannot(s);
        if (why != null) {
            List<String> shown = Fx.get(() -> sees.controlsShownFor(s.agent()));
            assertEquals(List.of(), shown, vendor.id() + " cannot " + s.agent() + " (" + why
                    + "), yet the bar shows a control for it");
            JsonNode own = vendor.steps().get(s.id());
            JsonNode instead = own == null ? null : own.get("instead");
            // Nothing the vendor's page or phone does instead, and nothing it does by itself: nothing to see.
            if (instead == null && (own == null || !own.has("see"))) return;
            if (instead != null && instead.isArray()) instead.forEach(this::scenario);
            else if (instead != null) scenario(instead);
        } else if (s.agent() != null) {
            keys.play(s);
        } else if (!"none".equals(s.far())) {
            far(s);
        }
        JsonNode own = vendor.steps().get(s.id());
        // Where the vendor's page or phone acts instead of the bar, the vendor's block says all there is to see.
        JsonNode see = why != null && own != null && own.has("see") ? own.get("see") : s.see();
        sees.await(vendor.id() + " " + s.id(), see, notOffered());
        System.out.println("agent-day " + vendor.id() + "/" + host + " " + s.id() + ": " + Fx.get(sees::describe));
    }

    /** The primary actions the vendor cannot do: the table leaves them out of every row. */
    private Set<Action> notOffered() {
        Set<Action> out = EnumSet.noneOf(Action.class);
        for (String a : vendor.cannot().keySet()) {
            Action p = AgentSees.PRIMARY.get(a);
            if (p != null) out.add(p);
        }
        return out;
    }

    private void far(AgentDay.Step s) {
        Map<String, Object> options = s.with().has("options")
                ? new com.fasterxml.jackson.databind.ObjectMapper().convertValue(s.with().get("options"), Map.class) : null;
        switch (s.far()) {
            case "inbound" -> far.inboundCall(new FarEnd.InboundCall(s.text("from"), s.text("name"), s.text("queue"),
                    null, options));
            case "hangup" -> far.customerHangsUp();
            case "colleague" -> far.consultTarget(FarEnd.Outcome.valueOf(s.text("outcome").toUpperCase(Locale.ROOT)));
            case "nextDial" -> far.nextDial(FarEnd.Outcome.valueOf(s.text("outcome").toUpperCase(Locale.ROOT)));
            case "scenario" -> scenario(s.with());
            default -> throw new IllegalArgumentException("unknown far action " + s.far());
        }
    }

    @SuppressWarnings("unchecked")
    private void scenario(JsonNode n) {
        Map<String, Object> params = n.has("params")
                ? new com.fasterxml.jackson.databind.ObjectMapper().convertValue(n.get("params"), Map.class) : Map.of();
        far.scenario(n.get("scenario").asText(), params);
    }

    /** The journal holds one row per call of the day this vendor made; then the bar closes. */
    void journalAndClose() throws Exception {
        try {
            if (broken != null) throw new TestAbortedException("the day stopped at " + broken);
            List<String> missing = new ArrayList<>();
            List<CallRecord> rows = journal.all();
            rows.forEach(r -> System.out.println("agent-day " + vendor.id() + "/" + host + " journal: " + r.direction() + " "
                    + r.remoteNumber() + " answered=" + (r.answeredAt() != null) + " end=" + r.endCause()));
            for (JsonNode want : vendor.journal() != null ? vendor.journal() : day.journal()) {
                String step = want.get("step").asText();
                if (!done.contains(step) || vendor.noJournal().contains(step)) continue;
                boolean found = rows.stream().anyMatch(r -> want.get("direction").asText().equals(r.direction())
                        && want.get("number").asText().equals(r.remoteNumber())
                        && want.get("answered").asBoolean() == (r.answeredAt() != null));
                if (!found) missing.add(want.toString());
            }
            assertEquals(List.of(), missing, "journal rows missing; the journal has " + rows.stream()
                    .map(r -> r.direction() + " " + r.remoteNumber() + " answered=" + (r.answeredAt() != null)
                            + " end=" + r.endCause()).toList());
        } finally {
            close();
        }
    }

    void close() throws Exception {
        if (journalling != null) journalling.close();
        if (journal != null) journal.close();
        HostedBar.close(ctx);
        ctx = null;
    }
}
