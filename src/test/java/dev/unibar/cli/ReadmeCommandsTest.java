package dev.unibar.cli;

import dev.unibar.app.Vendors;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendor ids the command line takes come from the registry ({@code Vendors}); README's command table must
 * name the same ids, in the registry's order, so a vendor added to the registry fails here until README says
 * so too.
 */
class ReadmeCommandsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(translate|simulate) --vendor ([^ `\\[]+)[^|]*\\|");

    @Test
    void readmesTranslateAndSimulateRowsNameEveryRegisteredVendor() throws IOException {
        String expected = String.join("\\|", Vendors.ids());
        int rows = 0;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (!m.find()) continue;
            rows++;
            assertEquals(expected, m.group(2), "README's `" + m.group(1) + "` row names the registered vendors");
        }
        assertEquals(2, rows, "README's command table has a translate and a simulate row");
    }

    @Test
    void theUsageTextListsTheRegisteredVendors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, "Linux",
                "/nonexistent").run(new String[]{"--help"});
        String usage = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.OK, code, usage);
        List<String> ids = Vendors.ids();
        assertEquals(5, ids.size(), "five vendors are registered: " + ids);
        assertTrue(usage.contains("vendor ids: " + String.join(", ", ids)), usage);
    }
}
