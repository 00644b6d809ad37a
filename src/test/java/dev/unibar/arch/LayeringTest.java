package dev.unibar.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies point inwards: core knows nothing of JavaFX, I/O or any vendor; vendors, the bridge and
 * the simulators know nothing of the UI; simulators know nothing of the connectors they stand in for.
 * Checked on the import lines of the main sources, so a new file cannot slip past it.
 */
class LayeringTest {

    private static final Path SRC = Path.of("src/main/java/dev/unibar");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    record Rule(String pkg, List<String> forbidden) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("core", List.of("javafx.", "java.io.", "java.net.", "java.nio.", "com.fasterxml.",
                    "dev.unibar.vendor", "dev.unibar.ui", "dev.unibar.bridge", "dev.unibar.sim",
                    "dev.unibar.cli", "dev.unibar.config", "dev.unibar.json", "dev.unibar.app", "org.eclipse.", "org.java_websocket")),
            new Rule("json", List.of("javafx.", "dev.unibar.vendor", "dev.unibar.ui", "dev.unibar.bridge",
                    "dev.unibar.sim", "dev.unibar.cli", "dev.unibar.app")),
            new Rule("vendor", List.of("javafx.", "dev.unibar.ui", "dev.unibar.cli", "dev.unibar.sim", "dev.unibar.app")),
            new Rule("bridge", List.of("dev.unibar.vendor", "dev.unibar.ui", "dev.unibar.cli", "dev.unibar.sim",
                    "dev.unibar.app")),
            new Rule("sim", List.of("javafx.", "dev.unibar.vendor", "dev.unibar.ui", "dev.unibar.cli",
                    "dev.unibar.bridge", "dev.unibar.core", "dev.unibar.app")),
            new Rule("config", List.of("javafx.", "dev.unibar.ui", "dev.unibar.cli", "dev.unibar.sim", "dev.unibar.app")),
            // The UI binds to core state; it never sees a vendor payload or a concrete connector.
            new Rule("ui", List.of("dev.unibar.cli", "com.fasterxml.", "dev.unibar.vendor", "dev.unibar.sim",
                    "dev.unibar.app")));

    @Test
    void importsPointInwards() throws IOException {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Rule r : RULES) {
            Path dir = SRC.resolve(r.pkg());
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    checked++;
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    while (m.find()) {
                        String imp = m.group(2);
                        for (String bad : r.forbidden()) {
                            if (imp.startsWith(bad)) violations.add(SRC.relativize(f) + " imports " + imp);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 10, "the rule saw the sources (" + checked + " files)");
        assertEquals(List.of(), violations);
    }

    @Test
    void theRuleCatchesAViolation() {
        Matcher m = IMPORT.matcher("package dev.unibar.core;\nimport javafx.scene.Node;\n");
        assertTrue(m.find());
        assertTrue(RULES.get(0).forbidden().stream().anyMatch(m.group(2)::startsWith));
    }
}
