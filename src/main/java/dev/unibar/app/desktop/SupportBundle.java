package dev.unibar.app.desktop;

import dev.unibar.config.UnibarConfig;
import dev.unibar.core.inspect.Inspector;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * "Save support bundle": one zip with the log files, the event inspector (normalized events, and the
 * vendor lines beside them), the configuration file and a few facts about the machine, every part passed
 * through a {@link Redactor} that knows the configuration's secrets.
 */
public final class SupportBundle {

    private final List<Path> logs;
    private final Inspector inspector;
    private final UnibarConfig config;
    private final Redactor redactor;

    public SupportBundle(List<Path> logs, Inspector inspector, UnibarConfig config) {
        this.logs = List.copyOf(logs);
        this.inspector = inspector;
        this.config = config;
        this.redactor = Redactor.forConfig(config);
    }

    /** The default file name, e.g. {@code unibar-support-20261201-150405.zip}. */
    public static String fileName(Instant at) {
        String t = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneId.systemDefault()).format(at);
        return "unibar-support-" + t + ".zip";
    }

    /** Writes the bundle (to a temporary file first, so a failure never leaves half a zip under the name). */
    public void write(Path zip) throws IOException {
        Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(os)) {
            entry(z, "about.txt", about());
            for (Path log : logs) {
                if (Files.isRegularFile(log)) {
                    // Logs are text we wrote ourselves; a damaged byte must not stop the bundle.
                    String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                    entry(z, "logs/" + log.getFileName(), text);
                }
            }
            if (inspector != null) {
                entry(z, "inspector/events.jsonl", events());
                entry(z, "inspector/captures.txt", captures());
            }
            if (config != null && config.source() != null && Files.isRegularFile(config.source())) {
                // From what the parser read, never the file's text (issue 22): no YAML style can hide a secret.
                String copy = Redactor.configCopy(config).map(r -> "# " + config.source().getFileName()
                        + " as Unibar read it: secrets masked, comments and layout not kept\n" + r.yaml())
                        .orElse("# " + config.source().getFileName() + " could not be read as YAML now: left out\n");
                entry(z, "config/" + config.source().getFileName(), copy);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    private void entry(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(redactor.redact(text).getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** The inspector's export: normalized events, one JSON object a line. */
    private String events() {
        StringBuilder sb = new StringBuilder();
        for (InspectorEntry e : inspector.snapshot()) {
            for (Event ev : e.events()) sb.append(EventJson.line(ev)).append('\n');
        }
        return sb.toString();
    }

    /** What the vendor sent, line by line, with what became of it. */
    private String captures() {
        StringBuilder sb = new StringBuilder();
        for (InspectorEntry e : inspector.snapshot()) {
            sb.append(e.seq()).append(' ').append(e.received()).append(' ').append(e.kind()).append(' ')
                    .append(e.vendor()).append(' ').append(e.raw() == null ? "" : e.raw().replace('\n', ' '));
            if (e.problem() != null) sb.append("  # ").append(e.problem());
            sb.append('\n');
        }
        return sb.toString();
    }

    private String about() {
        StringBuilder sb = new StringBuilder();
        sb.append("unibar ").append(String.valueOf(SupportBundle.class.getPackage().getImplementationVersion())).append('\n');
        sb.append("created ").append(Instant.now()).append('\n');
        sb.append("os ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        sb.append("java ").append(System.getProperty("java.runtime.version")).append(' ')
                .append(System.getProperty("java.vendor")).append('\n');
        sb.append("javafx ").append(System.getProperty("javafx.runtime.version", "?")).append('\n');
        if (config != null) {
            sb.append("vendor ").append(config.effectiveVendor()).append(config.demo() ? " (demo)" : "").append('\n');
            sb.append("config ").append(config.source() == null ? "(none)" : config.source()).append('\n');
        }
        if (inspector != null) {
            sb.append("inspector mapped=").append(inspector.mappedCount()).append(" malformed=")
                    .append(inspector.malformedCount()).append(" dropped=").append(inspector.droppedCount()).append('\n');
        }
        return sb.toString();
    }
}
