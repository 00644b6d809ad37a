package dev.unibar.testkit;

import dev.unibar.app.VendorContext;
import dev.unibar.bridge.browser.BrowserPageChannel;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallRecord;
import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What happens to a vendor page in its host (issue 21): the page reloads (both hosts), the agent closes the browser
 * window and reopens it, the browser is killed ({@code kill -9}) and brought back. Each is done the way the agent or
 * the operating system does it, to the page the bar really shows.
 */
public enum PageFault {
    RELOAD, CLOSE_REOPEN, CRASH;

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Every fault in every host that has it: the WebView only reloads; the browser window has all three. */
    public static Stream<Arguments> inEveryHost() {
        // -Dunibar.test.pageFault=BROWSER:CRASH runs one case while working on it.
        String only = System.getProperty("unibar.test.pageFault", "");
        return Stream.of(Arguments.of(Host.WEBVIEW, RELOAD), Arguments.of(Host.BROWSER, RELOAD),
                        Arguments.of(Host.BROWSER, CLOSE_REOPEN), Arguments.of(Host.BROWSER, CRASH))
                .filter(a -> only.isEmpty() || only.equals(a.get()[0] + ":" + a.get()[1]));
    }

    /**
     * Does it, off the FX thread, and returns once the page is back (for a closed window: after checking that the
     * bar said it does not know while the window was closed).
     */
    public void apply(VendorContext ctx) throws Exception {
        apply(ctx, false);
    }

    /**
     * The same, for a simulator whose page holds a session cookie (its one-time address): a browser that exits or is
     * killed keeps only the cookies it has written to disk, which Chromium does some seconds after it got them. A
     * fault right after the start would then lose the vendor's session as a test artefact, not as the agent would:
     * wait until the cookie is on disk first.
     */
    public void apply(VendorContext ctx, boolean sessionCookie) throws Exception {
        if (sessionCookie && this != RELOAD) awaitSessionCookie(ctx);
        switch (this) {
            case RELOAD -> ctx.page().call("setTimeout(function () { location.reload(); }, 0); 0")
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            case CLOSE_REOPEN -> {
                BrowserPageChannel b = (BrowserPageChannel) ctx.page();
                b.closeWindow().get(30, TimeUnit.SECONDS);
                Wait.until("the bar no longer says connected while the window is closed", WAIT,
                        () -> bar(ctx).connection() != ConnectionStatus.CONNECTED);
                assertFalse(bar(ctx).agentStateKnown(), "while closed the agent state is not known");
                b.reopen().get(90, TimeUnit.SECONDS);
            }
            case CRASH -> ((BrowserPageChannel) ctx.page()).browserProcess().orElseThrow().destroyForcibly();
        }
    }

    /** {@link Wait#until}, saying on time-out what the bar had. */
    public static void await(VendorContext ctx, String what, Duration bound, java.util.function.BooleanSupplier condition) {
        try {
            Wait.until(what, bound, condition);
        } catch (AssertionError e) {
            BarState b = bar(ctx);
            throw new AssertionError(e.getMessage() + "; the bar: " + b.connection() + " " + b.phase() + " " + b.agentState()
                    + " " + b.stateReason() + " calls " + b.calls().keySet() + ", inspector "
                    + ctx.session().inspector().snapshot().stream().map(x -> x.kind() + " " + x.events()).toList(), e);
        }
    }

    /** In browser mode: waits until the browser has written the simulator's page-session cookie to disk. */
    public static void awaitSessionCookie(VendorContext ctx) {
        BrowserPageChannel b = (BrowserPageChannel) ctx.page();
        Path profile = b.browserProcess().flatMap(p -> p.info().arguments()).stream().flatMap(java.util.Arrays::stream)
                .filter(a -> a.startsWith("--user-data-dir=")).findFirst()
                .map(a -> Path.of(a.substring("--user-data-dir=".length()))).orElse(null);
        if (profile == null) return;
        List<Path> stores = List.of(profile.resolve("Default").resolve("Cookies"),
                profile.resolve("Default").resolve("Network").resolve("Cookies"));
        Wait.until("the browser wrote the simulator's session cookie to disk", WAIT,
                () -> stores.stream().anyMatch(f -> holds(f, "simkit-")));
    }

    private static boolean holds(Path file, String text) {
        try {
            return Files.exists(file) && new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static BarState bar(VendorContext ctx) {
        return ctx.session().store().state();
    }

    /** How many events of {@code type} for {@code callId} the bar was told (from the inspector). */
    public static long told(VendorContext ctx, Class<? extends Event> type, String callId) {
        return ctx.session().inspector().snapshot().stream()
                .filter(e -> e.kind() == InspectorEntry.Kind.MAPPED)
                .flatMap(e -> e.events().stream())
                .filter(type::isInstance)
                .filter(e -> e instanceof Event.CallEvent c && callId.equals(c.callId()))
                .count();
    }

    /** How many events of {@code type} the bar was told in all. */
    public static long told(VendorContext ctx, Class<? extends Event> type) {
        return ctx.session().inspector().snapshot().stream()
                .filter(e -> e.kind() == InspectorEntry.Kind.MAPPED)
                .flatMap(e -> e.events().stream())
                .filter(type::isInstance)
                .count();
    }

    /** A journal in a temporary file recording the session, as the bar's own does. */
    public static CallJournal journal(VendorContext ctx) throws Exception {
        Path dir = Files.createTempDirectory("unibar-journal");
        CallJournal j = CallJournal.open(dir.resolve("calls.db"), null, Clock.systemUTC());
        j.attach(ctx.session());
        return j;
    }

    /** The call is no longer in the bar, ended at most once as lost, and its journal row is closed. */
    public static CallRecord endedAndClosed(VendorContext ctx, CallJournal journal, String vendor, String callId) {
        assertFalse(bar(ctx).calls().containsKey(callId), "no ghost call");
        long lost = ctx.session().inspector().snapshot().stream()
                .filter(e -> e.kind() == InspectorEntry.Kind.MAPPED)
                .flatMap(e -> e.events().stream())
                .filter(e -> e instanceof Event.CallEnded c && c.callId().equals(callId) && "lost".equals(c.cause()))
                .count();
        assertTrue(lost <= 1, "ended as lost once at most: " + lost);
        CallRecord r = journal.call(vendor, callId);
        assertNotNull(r, "the call is in the journal");
        assertNotNull(r.endedAt(), "its journal row is closed");
        return r;
    }
}
