package dev.unibar.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.unibar.app.Vendors;
import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModule;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;

import java.util.List;

/**
 * Every registered vendor mapper, fed the same line: it either gives events that can be written as
 * CONTRACT lines or throws {@link MalformedCaptureException}. Any other exception is a finding: in the
 * bar it would be a capture lost to a bug instead of a malformed line with its reason.
 *
 * <p>The build runs the committed inputs (src/test/resources/dev/unibar/fuzz/MapperFuzzTestInputs);
 * {@code JAZZER_FUZZ=1} fuzzes (docs/security.md).
 */
class MapperFuzzTest {

    private static final List<VendorMapper> MAPPERS = Vendors.all().stream().map(VendorModule::newMapper).toList();

    @FuzzTest(maxDuration = "30s")
    void everyMapperReadsAnyLineOrSaysWhyNot(byte[] input) {
        String line = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        for (VendorMapper m : MAPPERS) {
            List<Event> events;
            try {
                events = m.mapLine(line);
            } catch (MalformedCaptureException expected) {
                continue;
            }
            for (Event e : events) {
                if (e == null) throw new IllegalStateException(m.vendor() + " gave a null event");
                EventJson.line(e);
            }
        }
    }
}
