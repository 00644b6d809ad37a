package dev.unibar.connectors;

import dev.unibar.app.Vendors;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.CallEnd;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each vendor's page in docs/vendors says what the code does: its end-cause table is the module's
 * {@link VendorModule#endCauses()}, its "cannot" list is every command its capabilities class does not offer (with
 * the fullest configuration: SSO for UCS, an API token for Evolux).
 */
class VendorDocTablesTest {

    private static final Pattern CANNOT = Pattern.compile("^\\*\\*Cannot\\*\\*[^:]*:(.*)$", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([A-Z_]+)`");
    private static final Pattern END_ROW = Pattern.compile("^\\| `([^`]+)` \\| `([a-z_]+)` \\|", Pattern.MULTILINE);

    /** Each vendor's capabilities, built as its connector builds them. */
    private static Capabilities capabilities(String vendor) throws Exception {
        return switch (vendor) {
            case "ucs" -> call("dev.unibar.connectors.ucs.UcsCapabilities", "of", true);
            case "epbx" -> (Capabilities) field("dev.unibar.connectors.epbx.EpbxConnector", "CAPABILITIES");
            case "agentdesktop" -> call("dev.unibar.connectors.agentdesktop.AgentDesktopCapabilities", "get", null);
            case "max" -> call("dev.unibar.connectors.max.MaxCapabilities", "of", null);
            case "evolux" -> call("dev.unibar.connectors.evolux.EvoluxCapabilities", "of", true);
            default -> throw new AssertionError("a vendor this test does not know: " + vendor);
        };
    }

    @Test
    void everyVendorsPageHasItsEndCausesAndItsCannotList() throws Exception {
        Map<String, String> problems = new LinkedHashMap<>();
        for (VendorModule m : Vendors.all()) {
            String doc = Files.readString(Path.of("docs/vendors/" + m.id() + ".md"));
            Matcher cannot = CANNOT.matcher(doc);
            assertTrue(cannot.find(), m.id() + ": docs/vendors/" + m.id() + ".md has a **Cannot** line");
            Set<String> written = new TreeSet<>();
            Matcher k = CODE.matcher(cannot.group(1));
            while (k.find()) written.add(k.group(1));
            Set<String> expected = new TreeSet<>();
            for (CommandKind kind : EnumSet.complementOf(EnumSet.copyOf(withAll(capabilities(m.id()).supported())))) {
                expected.add(kind.name());
            }
            if (!written.equals(expected)) {
                problems.put(m.id() + " cannot", "`" + String.join("`, `", expected) + "`");
            }

            Map<String, String> rows = new TreeMap<>();
            Matcher r = END_ROW.matcher(doc);
            while (r.find()) rows.put(r.group(1), r.group(2));
            Map<String, String> table = new TreeMap<>();
            m.endCauses().forEach((cause, end) -> table.put(cause, end.word()));
            if (!rows.equals(table)) problems.put(m.id() + " end causes", table.toString());
            for (String cause : m.endCauses().keySet()) {
                assertEquals(cause, cause.toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_'),
                        m.id() + ": a table key is written as CallEnd.fromCause reads it");
            }
        }
        assertEquals(Map.of(), problems, "what each page should say");
    }

    @Test
    void theTestFailsWhenAPageLiesAboutWhatTheVendorCannotDo() throws Exception {
        Set<CommandKind> max = capabilities("max").supported();
        assertFalse(max.contains(CommandKind.DIAL), "MAX has no dial");
        assertTrue(max.contains(CommandKind.ANSWER));
        assertFalse(capabilities("epbx").supported().contains(CommandKind.ANSWER), "EPBX has no answer");
        assertEquals(CallEnd.FAILED_BUSY, CallEnd.fromCause(Vendors.endCauses().get("ucs"), "busy"));
    }

    private static Set<CommandKind> withAll(Set<CommandKind> s) {
        return s.isEmpty() ? EnumSet.noneOf(CommandKind.class) : s;
    }

    private static Capabilities call(String cls, String method, Object arg) throws Exception {
        Class<?> c = Class.forName(cls);
        Method m = arg == null ? c.getDeclaredMethod(method) : c.getDeclaredMethod(method, boolean.class);
        m.setAccessible(true);
        return (Capabilities) (arg == null ? m.invoke(null) : m.invoke(null, arg));
    }

    private static Object field(String cls, String name) throws Exception {
        java.lang.reflect.Field f = Class.forName(cls).getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }
}
