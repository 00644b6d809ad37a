package dev.unibar.connectors.epbx.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, finding 7: with the JDK HTTP client's own trace switched on
 * ({@code -Djdk.httpclient.HttpClient.log=all}), a login and a connection to EPBX still write no
 * access token to the log. A JVM of its own, since the JDK reads that property once.
 */
class HttpClientLogTest {

    @ParameterizedTest
    @ValueSource(strings = {"classic", "core"})
    void theJdkHttpTraceShowsNoToken(String transport, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(List.of(java, "-Djdk.httpclient.HttpClient.log=all", "-cp", cp,
                HttpLogProbe.class.getName(), transport))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);
        List<String> tokens = stdout.lines().filter(l -> l.startsWith("TOKEN ")).map(l -> l.substring(6)).toList();
        assertFalse(tokens.isEmpty(), "the probe logged in: " + stdout + stderr);
        for (String t : tokens) assertFalse(stderr.contains(t), "the token is in the log:\n" + stderr);
        assertFalse(stderr.contains("Bearer "), "an Authorization header is in the log");
    }
}
