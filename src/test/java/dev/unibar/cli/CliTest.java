package dev.unibar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    private static final Path CAPTURES = Path.of("src/test/resources/captures/ucs");

    @TempDir
    Path dir;

    /** One run of the command line on byte streams. */
    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
        }
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.<String, String>of()::get, "Linux", dir.resolve("home").toString());
        int code = cli.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void version() {
        Run r = run("", "--version");
        assertEquals(0, r.code());
        assertEquals("unibar 0.1.0\n", r.out());
    }

    @Test
    void translateAFullUcsSession() throws IOException {
        Run r = run("", "translate", "--vendor", "ucs", CAPTURES.resolve("session.jsonl").toString());
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals(Files.readString(CAPTURES.resolve("session.expected.jsonl"), StandardCharsets.UTF_8), r.out());
    }

    @Test
    void translateReadsStandardInputAndSkipsBlankLines() throws IOException {
        String session = Files.readString(CAPTURES.resolve("session.jsonl"), StandardCharsets.UTF_8);
        Run r = run("\n  \n" + session, "translate", "--vendor=ucs");
        assertEquals(0, r.code());
        assertEquals(Files.readString(CAPTURES.resolve("session.expected.jsonl"), StandardCharsets.UTF_8), r.out());
        Run dash = run(session, "translate", "--vendor", "ucs", "-");
        assertEquals(r.out(), dash.out());
    }

    @Test
    void aMalformedLineIsReportedAndTranslationContinues() {
        String input = String.join("\n",
                "{\"callback\":\"onCredentials\",\"args\":[]}",
                "this is not json",
                "{\"callback\":\"onWaitingCallersChange\",\"args\":[2]}",
                "{\"callback\":\"onCallRinging\",\"args\":[{\"id\":7}]}",
                "{\"args\":[]}",
                "{\"callback\":\"onStateChange\",\"args\":[{\"status\":\"READY\"}]}") + "\n";
        Run r = run(input, "translate", "--vendor", "ucs");
        assertEquals(1, r.code());
        assertEquals(List.of(
                "{\"type\":\"session.credentialsRequired\",\"vendor\":\"ucs\"}",
                "{\"type\":\"queue.waiting\",\"vendor\":\"ucs\",\"count\":2}",
                "{\"type\":\"agent.state\",\"vendor\":\"ucs\",\"state\":\"READY\"}"), r.outLines());
        List<String> err = r.errLines();
        assertEquals(3, err.size(), r.err());
        assertTrue(err.get(0).startsWith("line 2: not JSON"), err.get(0));
        assertEquals("line 4: call without uniqueid (its id rotates and cannot identify a call)", err.get(1));
        assertEquals("line 5: no \"callback\" string", err.get(2));
    }

    @Test
    void badTranslateArgumentsExit2() {
        Run unknown = run("", "translate", "--vendor", "avaya");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown vendor \"avaya\"; supported: ucs"), unknown.err());

        Run noVendor = run("", "translate");
        assertEquals(2, noVendor.code());
        assertTrue(noVendor.err().contains("--vendor is required"), noVendor.err());

        Run missingFile = run("", "translate", "--vendor", "ucs", dir.resolve("none.jsonl").toString());
        assertEquals(2, missingFile.code());
        assertTrue(missingFile.err().contains("no such file"), missingFile.err());

        Run option = run("", "translate", "--vendor", "ucs", "--pretty");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option --pretty"), option.err());

        Run twoFiles = run("", "translate", "--vendor", "ucs", "a.jsonl", "b.jsonl");
        assertEquals(2, twoFiles.code());

        for (Run r : List.of(unknown, noVendor, missingFile, option, twoFiles)) assertEquals("", r.out());
    }

    @Test
    void unknownCommandOrOptionExit2() {
        assertEquals(2, run("", "frobnicate").code());
        assertEquals(2, run("", "--verbose").code());
        assertEquals(2, run("", "--version", "extra").code());
    }

    @Test
    void ssoTokenReadsTheSecretFromStandardInput() {
        // Same vector as SsoTokenTest (computed with python hashlib); the newline of `echo` is not secret.
        Run r = run("s3cr3t\n", "sso-token", "--username", "jan.novak", "--timestamp", "1763721000");
        assertEquals(0, r.code(), r.err());
        assertEquals("VQQ6GAA3CGfE4XxlJXxZxGVqOoFqYW4ubm92YWsxNzYzNzIxMDAw\n", r.out());
        assertEquals(r.out(), run("s3cr3t", "sso-token", "--username", "jan.novak", "--timestamp", "1763721000").out());
    }

    @Test
    void ssoTokenBadArguments() {
        assertEquals(2, run("s3cr3t\n", "sso-token", "--username", "jan.novak").code());
        assertEquals(2, run("", "sso-token", "--username", "jan.novak", "--timestamp", "1").code());
        Run r = run("s3cr3t\n", "sso-token", "--username", "a", "--timestamp", "1", "--secret", "x");
        assertEquals(2, r.code());
        assertEquals("", r.out());
    }

    @Test
    void aBadConfigFileNamesFileLineAndKey() throws IOException {
        Path f = dir.resolve("config.yml");
        Files.writeString(f, "vendor: ucs\nucs:\n  api:\n    hostname: h\n    port: abc\n");
        Run r = run("", "--config", f.toString());
        assertEquals(2, r.code());
        assertEquals("unibar: cannot start: " + f + ":5: ucs.api.port: expected a number, got \"abc\"\n", r.err());
        Run missing = run("", "--config", dir.resolve("nope.yml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.yml: file not found"), missing.err());
    }

    @Test
    void aConfigNamingAnUnknownVendorStopsBeforeAnyWindow() throws IOException {
        Path f = dir.resolve("avaya.yml");
        Files.writeString(f, "vendor: avaya\n");
        Run r = run("", "--config", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(f + ":1: vendor: unknown vendor \"avaya\"; expected one of "
                + String.join(", ", dev.unibar.app.Vendors.ids())), r.err());
    }

    @Test
    void simulateChecksItsArguments() {
        assertEquals(2, run("", "simulate", "--vendor", "avaya").code());
        assertEquals(2, run("", "simulate", "--vendor", "ucs", "--port", "http").code());
        assertEquals(2, run("", "simulate").code());
    }

    /**
     * CONTRACT: `simulate --vendor ucs` serves the vendor's surface on 127.0.0.1 until stopped and prints
     * its address — and, being window-less, loads no JavaFX class.
     */
    @Test
    void simulateServesTheVendorSurfaceUntilStopped() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                "dev.unibar.Main", "simulate", "--vendor", "ucs", "--port", "0").redirectErrorStream(true).start();
        try {
            java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String address = null;
            List<String> fx = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (address == null && System.nanoTime() < deadline && (line = r.readLine()) != null) {
                if (line.contains(" javafx.") || line.contains(" com.sun.javafx.")) fx.add(line);
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("^ucs simulator listening on (http://127\\.0\\.0\\.1:\\d+)$").matcher(line);
                if (m.matches()) address = m.group(1);
            }
            assertTrue(address != null, "the address was printed");
            java.net.http.HttpResponse<String> script = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(address + "/operator/operator-v4.0.0.js")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, script.statusCode());
            assertTrue(script.body().contains("ucsOperator"));
            assertEquals(List.of(), fx, "simulate must not load JavaFX");
            assertTrue(p.isAlive(), "it keeps running until stopped");
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "it stops on SIGTERM");
        }
    }

    /**
     * CONTRACT: subcommands without a window never start JavaFX. Checked in a fresh JVM, since this test JVM
     * shares its toolkit with the UI tests: no javafx class may even be loaded.
     */
    @Test
    void windowlessCommandsLoadNoJavaFxClass() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "s3cr3t\n");
        Path badConfig = dir.resolve("bad.yml");
        Files.writeString(badConfig, "vendor: nobody\n");
        Path journalConfig = dir.resolve("journal.yml");
        Files.writeString(journalConfig, "journal:\n  file: " + dir.resolve("j.db") + "\n");
        dev.unibar.journal.CallJournal.open(dir.resolve("demo-j.db"), null, java.time.Clock.systemUTC()).close();
        List<List<String>> commands = List.of(
                List.of("journal", "export", "--config", journalConfig.toString()),
                List.of("--version"),
                List.of("translate", "--vendor", "ucs", CAPTURES.resolve("session.jsonl").toString()),
                List.of("sso-token", "--username", "jan.novak", "--timestamp", "1763721000"),
                List.of("--config", badConfig.toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> args : commands) {
            List<String> cmd = new java.util.ArrayList<>(List.of(java, "-verbose:class", "-cp",
                    System.getProperty("java.class.path"), "dev.unibar.Main"));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(secret.toFile());
            // With a display the bar's bad config is shown in a dialog (BarStartFailureTest); without one it
            // is the stderr line alone, decided before JavaFX is loaded.
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
            Process p = pb.start();
            byte[] output = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + args);
            String text = new String(output, StandardCharsets.UTF_8);
            assertTrue(text.contains("dev.unibar.cli.Cli"), "the class log is there: " + args);
            List<String> fx = text.lines().filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.")).toList();
            assertEquals(List.of(), fx, "JavaFX loaded by " + args);
            assertEquals(args.get(0).equals("--config") ? 2 : 0, p.exitValue(), args + ": " + text.lines()
                    .filter(l -> !l.startsWith("[")).toList());
        }
    }
}
