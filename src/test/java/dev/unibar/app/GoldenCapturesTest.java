package dev.unibar.app;

import dev.unibar.cli.Cli;
import dev.unibar.connectors.VendorModule;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The golden-capture kit: for every registered vendor, every {@code captures/<vendor>/*.jsonl} goes through
 * {@code unibar translate} and must give exactly its {@code .expected.jsonl}; a {@code .expected.err} file,
 * where present, holds the stderr lines for deliberately malformed input (exit 1). A vendor with no
 * captures fails here, so none can land without them.
 */
class GoldenCapturesTest {

    static final Path ROOT = Path.of("src/test/resources/captures");

    @TestFactory
    Stream<DynamicNode> everyVendorsCapturesTranslateToTheirExpectedEvents() throws IOException {
        List<DynamicNode> vendors = new ArrayList<>();
        for (VendorModule m : Vendors.all()) {
            Path dir = ROOT.resolve(m.id());
            List<Path> captures = Files.isDirectory(dir) ? captures(dir) : List.of();
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("has captures", () ->
                    assertFalse(captures.isEmpty(), m.id() + ": no capture files in " + dir)));
            for (Path c : captures) tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(m.id(), c)));
            vendors.add(DynamicContainer.dynamicContainer(m.id(), tests));
        }
        return vendors.stream();
    }

    private static List<Path> captures(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jsonl") && !p.toString().endsWith(".expected.jsonl"))
                    .sorted().toList();
        }
    }

    private static void check(String vendor, Path capture) throws IOException {
        String base = capture.getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path expected = capture.resolveSibling(base + ".expected.jsonl");
        Path expectedErr = capture.resolveSibling(base + ".expected.err");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, "Linux", "/nowhere")
                .run(new String[]{"translate", "--vendor", vendor, capture.toString()});
        List<String> errLines = lines(err.toString(StandardCharsets.UTF_8));
        if (Files.exists(expectedErr)) {
            assertEquals(Files.readAllLines(expectedErr), errLines, capture + ": stderr");
            assertEquals(Cli.MALFORMED, code, capture + ": exit code");
        } else {
            assertEquals(List.of(), errLines, capture + ": no line is malformed");
            assertEquals(Cli.OK, code, capture + ": exit code");
        }
        assertEquals(Files.readAllLines(expected).stream().filter(l -> !l.isBlank()).toList(),
                lines(out.toString(StandardCharsets.UTF_8)), capture + " against " + expected.getFileName());
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : s.lines().toList();
    }
}
