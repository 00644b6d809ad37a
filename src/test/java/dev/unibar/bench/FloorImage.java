package dev.unibar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * {@link StartupFloor} packaged the way the bar's Linux app image is (packaging/jpackage.sh), so that start-up
 * compares the bar with the smallest JavaFX window given the same aids: the bar's own jlinked runtime (linked,
 * not copied: the same modules by construction), the bar's launcher script, its JVM options read from its
 * {@code Unibar.cfg}, and an AppCDS archive of the floor's own classes made the way the bar's is (a training
 * start lists the classes, the bar's {@code cds-dump.sh} dumps them for the path the image is at).
 * The launcher reads {@code lib/app/Unibar.cfg} by that name, so the floor's configuration keeps it.
 */
final class FloorImage {

    static final String MAIN = StartupFloor.class.getName();
    private static final String CDS_LINES = "java-options=-XX:SharedArchiveFile=$APPDIR/unibar.jsa\njava-options=-Xshare:auto\n";

    private FloorImage() {
    }

    /** Builds (again) the floor's image at {@code dir}/StartupFloor beside the bar's image {@code bar}; returns its root. */
    static Path build(Path bar, Path dir, String display) throws IOException, InterruptedException {
        Path root = dir.resolve("StartupFloor");
        delete(root);
        Path app = Files.createDirectories(root.resolve("lib/app"));
        Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(root.resolve("lib/runtime"), bar.resolve("lib/runtime").toRealPath());
        Path launcher = Files.copy(bar.resolve("bin/Unibar"), root.resolve("bin/StartupFloor"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(bar.resolve("lib/app/cds-dump.sh"), app.resolve("cds-dump.sh"), StandardCopyOption.COPY_ATTRIBUTES);
        jar(app.resolve("floor.jar"));
        Files.writeString(app.resolve("Unibar.cfg"), config(Files.readAllLines(bar.resolve("lib/app/Unibar.cfg"))),
                StandardCharsets.UTF_8);
        train(root, display);
        Process dump = new ProcessBuilder("sh", app.resolve("cds-dump.sh").toString(), root.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        dump.waitFor(5, TimeUnit.MINUTES);
        if (!Files.isRegularFile(app.resolve("unibar.jsa"))) throw new IllegalStateException("floor: no AppCDS archive made");
        Files.writeString(app.resolve("Unibar.cfg"), CDS_LINES, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return root;
    }

    /** The bar's configuration with the floor's main class and jar; every JVM option kept but the archive's. */
    static String config(List<String> barConfig) {
        StringBuilder out = new StringBuilder();
        for (String line : barConfig) {
            if (line.startsWith("app.mainclass=")) {
                out.append("app.mainclass=").append(MAIN).append('\n');
            } else if (line.startsWith("app.classpath=")) {
                if (out.indexOf("app.classpath=") < 0) out.append("app.classpath=$APPDIR/floor.jar\n");
            } else if (!line.contains("SharedArchiveFile") && !line.contains("-Xshare")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The floor's classes as a jar: on JDK 17 AppCDS archives classes from jars only, not from folders. */
    private static void jar(Path jar) throws IOException {
        Path classes = Path.of("target/test-classes").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--create", "--file", jar.toString()));
        String pkg = MAIN.substring(0, MAIN.lastIndexOf('.')).replace('.', '/');
        try (Stream<Path> s = Files.list(classes.resolve(pkg))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("StartupFloor") && n.endsWith(".class"))
                    .forEach(n -> args.addAll(List.of("-C", classes.toString(), pkg + "/" + n)));
        }
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
        if (tool.run(System.out, System.err, args.toArray(String[]::new)) != 0) throw new IllegalStateException("jar failed");
    }

    /** As packaging/train-cds.sh does for the bar: one start under the display, listing the classes it loads. */
    private static void train(Path root, String display) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("unibar-floor-train");
        Path list = root.resolve("lib/app/unibar.classlist");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/StartupFloor").toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display);
        env.put("JAVA_TOOL_OPTIONS", StartupBenchmark.freshUser(env, tmp) + " -XX:DumpLoadedClassList=" + list + " -Dunibar.startup.trace=" + tmp.resolve("trace")
                + " -Dunibar.startup.exitAfter=visible");
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) p.destroyForcibly();
        if (!StartupBenchmark.read(tmp.resolve("trace")).containsKey("visible") || !Files.isRegularFile(list)) {
            throw new IllegalStateException("floor training start failed: " + Files.readString(tmp.resolve("out.txt")));
        }
        delete(tmp);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
