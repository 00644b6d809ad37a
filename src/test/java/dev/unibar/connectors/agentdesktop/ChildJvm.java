package dev.unibar.connectors.agentdesktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a JVM of its own, with this test JVM's class path and FX settings. Why:
 * the WebView's HTTPS client takes the JVM's default SSLContext once, at the first page any WebView
 * loads (JavaFX 21's HTTP2Loader holds one static HttpClient). In the suite some other WebView test has
 * always loaded first, so a test of what the JVM trusts in a WebView needs a fresh JVM, whatever the order.
 */
final class ChildJvm {

    /** The settings the build gives test JVMs (pom.xml, surefire) that a headless WebView needs. */
    private static final List<String> PASSED = List.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
            "headless.geometry", "java.awt.headless", "user.home", "user.language", "user.country", "testfx.robot", "testfx.headless");

    record Result(int exit, List<String> lines) {
    }

    private ChildJvm() {
    }

    static Result run(Class<?> main, long limitSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String k : PASSED) {
            String v = System.getProperty(k);
            if (v != null) cmd.add("-D" + k + "=" + v);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("unibar-child", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(-1, Files.readAllLines(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
