package dev.unibar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, what a new user reads on the terminal: a refused dial says why in one escaped line and nothing about
 * demo mode; a link that is not a number does not start the bar; an unreadable config says why; a valid config
 * with no display is one line (its subprocess test is BarStartFailureTest).
 */
class DialAndStartLinesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, "Linux",
                dir.resolve("home").toString()).run(args);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aRefusedDialIsOneLineAndTheDialUsage() {
        assertEquals(Cli.USAGE, run("dial", "abc"));
        assertEquals(List.of("unibar: dial: not a number to dial: \"abc\"", "usage: unibar dial NUMBER   (also tel:, callto:, sip: links)"),
                errLines());
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("demo mode"));
    }

    @Test
    void aDialWithSomethingAfterTheNumberIsRefusedNotCut() {
        assertEquals(Cli.USAGE, run("dial", "555;rm -rf /tmp/x"));
        assertTrue(errLines().get(0).startsWith("unibar: dial: not a number to dial (nothing may follow the number)"), errLines().toString());
        err.reset();
        assertEquals(Cli.USAGE, run("dial", "tel:+1-555-1234;ext=99"));
        assertTrue(errLines().get(0).startsWith("unibar: dial: the link has an extension"), errLines().toString());
    }

    @Test
    void aHostileArgumentIsEchoedEscapedAndCut() {
        String hostile = "\u001b]0;owned\u0007\u202e" + "1".repeat(20_000) + "x";
        assertEquals(Cli.USAGE, run("dial", hostile));
        String all = err.toString(StandardCharsets.UTF_8);
        assertFalse(all.contains("\u001b") || all.contains("\u0007") || all.contains("\u202e"), "escaped");
        assertEquals(2, errLines().size());
        assertTrue(errLines().get(0).length() < 400, "cut to a line: " + errLines().get(0).length());
    }

    @Test
    void aLinkThatIsNotANumberDoesNotStartTheBar() {
        assertEquals(Cli.USAGE, run("tel:abc"));
        assertEquals(List.of("unibar: not a number to dial: \"tel:abc\""), errLines());
    }

    @Test
    void anUnreadableConfigSaysWhy() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("config.yml"));
        assertEquals(Cli.USAGE, run("--config", folder.toString()));
        List<String> lines = errLines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("unibar: cannot start: " + folder + ": cannot read: ")
                && !lines.get(0).endsWith("cannot read: " + folder), lines.get(0));
    }
}
