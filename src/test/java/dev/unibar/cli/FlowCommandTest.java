package dev.unibar.cli;

import dev.unibar.testkit.Browsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code unibar flow run}: exit codes, the readable report of a failing flow, JUnit XML, web-bar vendors in a
 * headless browser, and no JavaFX.
 */
class FlowCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, "Linux", dir.toString());
        int code = cli.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFlowWrittenToFailSaysWhatWasExpectedAndWhatCameInstead() throws Exception {
        Path junit = dir.resolve("reports/flows.xml");
        Run r = run("flow", "run", "src/test/resources/flows/wrong-cause.yml", "--junit", junit.toString());
        assertEquals(1, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("flow: EPBX inbound call with a wrong expectation (src/test/resources/flows/wrong-cause.yml)"
                + " against the epbx simulator\n"), out);
        assertTrue(out.matches("(?s).*\\n  ok    1  agent login user=agent password=\\*{6} device=1000 deviceType=ramalVirtual  \\d.*"),
                "passed steps show their time, never the password:\n" + out);
        assertTrue(out.contains("  FAIL  3  far end hangup"), out);
        assertTrue(out.contains("        line 20: expected {type: call.ended, callId: $call, cause: busy} within 3 s\n"), out);
        assertTrue(out.contains("        came close: call.ended, but cause: missing (expected busy)\n"), out);
        assertTrue(out.contains("        bound so far: {call="), out);
        assertTrue(out.matches("(?s).*came instead \\(\\d+ events? during the step\\):\\n +\\+\\d+ ms  \\{\"type\":\"call\\.ended\".*"), out);
        assertTrue(out.contains("  skip  4  agent ready"), out);
        assertTrue(out.endsWith("FAILED: 2 of 4 steps passed, 1 failed, 1 skipped (" + out.replaceAll("(?s).*skipped \\((.*)\\)\\n$", "$1") + ")\n"), out);

        Document x = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = (Element) x.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        Element failure = (Element) x.getElementsByTagName("failure").item(0);
        assertEquals("line 20: expected {type: call.ended, callId: $call, cause: busy} within 3 s", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("\"type\":\"call.ended\""), failure.getTextContent());
        assertEquals("03 far end hangup", ((Element) failure.getParentNode()).getAttribute("name"));
    }

    @Test
    void aShippedFlowPassesWithExitZeroAndACleanJUnitReport() throws Exception {
        Path junit = dir.resolve("ok.xml");
        Run r = run("flow", "run", "flows/epbx/login-and-intervals.yml", "--junit", junit.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASSED: 4 of 4 steps passed"), r.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testsuites name=\"unibar flows\" tests=\"4\" failures=\"0\" skipped=\"0\""), xml);
        assertTrue(!xml.contains("<failure"), xml);
    }

    @Test
    void aBadFlowFileNamesItsLineAndTheFix() throws Exception {
        Path f = dir.resolve("typo.yml");
        Files.writeString(f, "name: typo\nvendor: epbx\nsteps:\n  - agent: dial\n    nubmer: \"123\"\n");
        Run r = run("flow", "run", f.toString());
        assertEquals(2, r.code());
        assertEquals("unibar: " + f + ":5: step 1: agent dial takes no key \"nubmer\"; did you mean \"number\"?\n", r.err());
    }

    @Test
    void argumentsAreChecked() {
        assertEquals(2, run("flow").code());
        assertEquals(2, run("flow", "run").code());
        assertEquals(2, run("flow", "run", "flows/epbx/conference.yml", "--against", "production").code());
        Run r = run("flow", "run", "flows/epbx/conference.yml", "--vendor", "avaya");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("vendor \"avaya\" is not supported yet"), r.err());
    }

    /**
     * A web-bar vendor's flow written to fail, through the command line: its page is hosted in a headless
     * browser, and the report says what was expected and what came instead.
     */
    @Test
    void aWebBarFlowWrittenToFailSaysWhatCameInstead() {
        Assumptions.assumeTrue(Browsers.installed().isPresent(), Browsers.SKIP);
        Run r = run("flow", "run", "src/test/resources/flows/ucs-wrong-reason.yml", "--browser", Browsers.installed().get().toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.startsWith("flow: UCS pause with a wrong expectation (src/test/resources/flows/ucs-wrong-reason.yml)"
                + " against the ucs simulator\n"), out);
        assertTrue(out.matches("(?s).*\\n  ok    3  agent selectDevice device=201 +\\d.*"), out);
        assertTrue(out.contains("  FAIL  4  agent pause reason=Oběd"), out);
        assertTrue(out.contains("        line 26: expected {type: agent.state, state: NOT_READY, reason: Porada} within 3 s\n"), out);
        assertTrue(out.contains("        came close: agent.state, but reason: expected \"Porada\", got \"Oběd\"\n"), out);
        assertTrue(out.matches("(?s).*came instead \\(\\d+ events? during the step\\):\\n +\\+\\d+ ms  "
                + "\\{\"type\":\"agent\\.state\",\"vendor\":\"ucs\",\"state\":\"NOT_READY\",\"reason\":\"Oběd\"}.*"), out);
        assertTrue(out.contains("  skip  5  agent ready"), out);
        assertTrue(out.contains("FAILED: 3 of 5 steps passed, 1 failed, 1 skipped"), out);
    }

    /** One shipped flow of each other web-bar vendor, in one command: every page gets its own headless browser. */
    @Test
    void webBarVendorsShippedFlowsPassFromTheCommandLine() throws Exception {
        Assumptions.assumeTrue(Browsers.installed().isPresent(), Browsers.SKIP);
        Path junit = dir.resolve("web.xml");
        Run r = run("flow", "run", "flows/agentdesktop/agent-pause.yml", "flows/max/registration-and-acw.yml",
                "flows/evolux/queue-call.yml", "--browser", Browsers.installed().get().toString(), "--junit", junit.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("(flows/agentdesktop/agent-pause.yml) against the agentdesktop simulator\n"), r.out());
        assertTrue(r.out().contains("(flows/max/registration-and-acw.yml) against the max simulator\n"), r.out());
        assertTrue(r.out().contains("(flows/evolux/queue-call.yml) against the evolux simulator\n"), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("PASSED: ")).count(), r.out());
        assertTrue(Files.readString(junit).contains("tests=\"11\" failures=\"0\" skipped=\"0\""), Files.readString(junit));
    }

    @Test
    void aWebBarVendorWithoutABrowserIsRefusedWithTheWayOut() {
        Run r = run("flow", "run", "flows/ucs/login-and-states.yml", "--browser", dir.resolve("no-such-browser").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ucs shows its bar in a web page, which flow run opens in a headless Chromium-family "
                + "browser, and " + dir.resolve("no-such-browser") + " is not an executable browser; run "
                + "flows/ucs/login-and-states.yml in the bar (Simulator → Run flow…) instead"), r.err());
        assertEquals("", r.out());
    }

    /**
     * Window-less like translate: checked in a fresh JVM, where no javafx class may even be loaded, with a native
     * vendor and a web-bar vendor (its page in a headless browser) in one run.
     */
    @Test
    void flowRunLoadsNoJavaFxClass() throws Exception {
        Assumptions.assumeTrue(Browsers.installed().isPresent(), Browsers.SKIP);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                "dev.unibar.Main", "flow", "run", "flows/epbx/login-and-intervals.yml", "flows/ucs/login-and-states.yml",
                "--browser", Browsers.installed().get().toString()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        String text = new String(output, StandardCharsets.UTF_8);
        assertTrue(text.contains("dev.unibar.cli.FlowCommand"), "the class log is there");
        assertTrue(text.contains("dev.unibar.bridge.browser.BrowserPageChannel"), "the UCS page was in the browser");
        assertTrue(text.contains("\nPASSED: 4 of 4 steps passed") && text.contains("\nPASSED: 6 of 6 steps passed"),
                text.lines().filter(l -> !l.startsWith("[")).toList().toString());
        List<String> fx = text.lines().filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.")).toList();
        assertEquals(List.of(), fx, "JavaFX loaded by flow run");
        assertEquals(0, p.exitValue(), text.lines().filter(l -> !l.startsWith("[")).toList().toString());
    }

    /** The page to look at: self-contained, the failed step's expectation beside what came closest, events escaped. */
    @Test
    void htmlReportIsOneSelfContainedPage() throws Exception {
        Path html = dir.resolve("out/report.html");
        Run r = run("flow", "run", "src/test/resources/flows/wrong-cause.yml", "flows/epbx/login-and-intervals.yml",
                "--html", html.toString());
        assertEquals(1, r.code(), r.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<p class=\"summary\">2 flows: 1 passed, 1 failed</p>"), page);
        assertEquals(2, page.split("<svg class=\"timeline\"", -1).length - 1, "a timeline a flow");
        assertTrue(page.contains("<h4>Expected</h4><pre>line 20 of the flow\n{type: call.ended, callId: $call, cause: busy}</pre>"), page);
        assertTrue(page.contains("<h4>Came closest</h4><pre>{\n  &quot;type&quot; : &quot;call.ended&quot;"), "the closest event, escaped");
        assertTrue(page.contains("cause: missing (expected busy)"), page);
        assertTrue(page.contains("1 s of 10 s") || page.matches("(?s).*\\d+(\\.\\d)? (ms|s) of 10 s.*"), "each wait against its limit");
        assertTrue(!page.contains("<script") && !page.matches("(?s).*(src|href)=\"[^\"#].*"), "nothing loaded from elsewhere");
        assertTrue(!page.contains("\"type\":\"call"), "JSON from events is escaped: " + page);
    }

    /** Parallel runs print and write what a serial run does, in the files' order; only times differ. */
    @Test
    void parallelRunsReportAsASerialRunDoes() throws Exception {
        String[] flows = {"flows/epbx/outbound-dial.yml", "flows/epbx/login-and-intervals.yml", "flows/epbx/consult-transfer.yml"};
        Path serialXml = dir.resolve("serial.xml");
        Path parallelXml = dir.resolve("parallel.xml");
        Run serial = run(concat(flows, "--junit", serialXml.toString()));
        Run parallel = run(concat(flows, "--parallel", "3", "--junit", parallelXml.toString()));
        assertEquals(0, serial.code(), serial.out());
        assertEquals(0, parallel.code(), parallel.out());
        assertEquals(withoutTimes(serial.out()), withoutTimes(parallel.out()));
        assertEquals(withoutTimes(Files.readString(serialXml)), withoutTimes(Files.readString(parallelXml)));
    }

    @Test
    void parallelIsCheckedAndOnlyForSimulators() {
        assertEquals(2, run("flow", "run", "flows/epbx/conference.yml", "--parallel", "0").code());
        assertEquals(2, run("flow", "run", "flows/epbx/conference.yml", "--parallel", "x").code());
        Run r = run("flow", "run", "flows/epbx/conference.yml", "--parallel", "2", "--against", "config");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--parallel runs flows on simulators"), r.err());
    }

    private static String[] concat(String[] flows, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("flow", "run"));
        all.addAll(List.of(flows));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The report and the XML with their times taken out: what must be the same between two runs. */
    private static String withoutTimes(String s) {
        return s.replaceAll("\\d+(\\.\\d+)? (ms|s|min \\d+ s)\\b", "T").replaceAll("time=\"[\\d.]+\"", "time=\"T\"")
                .replaceAll("timestamp=\"[^\"]+\"", "timestamp=\"T\"").replaceAll("\\+\\d+ ms", "+T").replaceAll(" {2,}", "  ");
    }
}
