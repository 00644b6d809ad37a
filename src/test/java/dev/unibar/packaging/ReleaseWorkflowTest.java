package dev.unibar.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release workflow cannot run on this machine (it builds the Windows and macOS installers on GitHub's
 * runners), so the test command checks what can be checked here: every workflow passes GitHub's workflow
 * schema ({@code @action-validator/cli}, pinned in .github/validator), a broken copy does not, every action
 * is pinned by a full commit with its release named, and the jobs build and publish each platform's
 * installers after the tests.
 */
class ReleaseWorkflowTest {

    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Path RELEASE = WORKFLOWS.resolve("release.yml");
    private static final Path VALIDATOR = Path.of(".github/validator/node_modules/@action-validator/cli/cli.mjs");
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
    private static final Pattern RELEASE_COMMENT = Pattern.compile("\\s+#\\s+v\\d+\\.\\d+\\.\\d+");

    @TempDir
    Path dir;

    record Result(int code, String output) {
    }

    private static Result validate(Path workflow) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(VALIDATOR), "the validator is installed by the build's npm ci in .github/validator");
        Process p = new ProcessBuilder("node", VALIDATOR.toString(), workflow.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(Wait.bound(Duration.ofSeconds(60)).toSeconds(), TimeUnit.SECONDS), "the validator finished");
        return new Result(p.exitValue(), out);
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static JsonNode release() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(RELEASE.toFile());
    }

    @Test
    void everyWorkflowPassesTheSchema() throws Exception {
        List<Path> files = workflows();
        assertTrue(files.contains(RELEASE), "the release workflow is there: " + files);
        for (Path f : files) {
            Result r = validate(f);
            assertEquals(0, r.code(), f + " is a valid workflow:\n" + r.output());
        }
    }

    @Test
    void aBrokenCopyIsRefusedWithWhereItIsBroken() throws Exception {
        String text = Files.readString(RELEASE);
        // A job without a runner, and a step that both runs a script and uses an action.
        String noRunner = text.replaceFirst("(?m)^(  windows:\\n(?:.*\\n)*?)    runs-on: .*\\n", "$1");
        assertNotEquals(text, noRunner, "the copy really lost the windows job's runs-on");
        Path broken = dir.resolve("release.yml");
        Files.writeString(broken, noRunner);
        Result r = validate(broken);
        assertNotEquals(0, r.code(), "a job without runs-on is refused");
        assertTrue(r.output().contains("/jobs/windows"), "the error names the job:\n" + r.output());

        Files.writeString(broken, text.replaceFirst("(?m)^(\\s+)run: mvn -B -ntp verify$",
                "$1run: mvn -B -ntp verify\n$1uses: actions/checkout@v4"));
        assertNotEquals(0, validate(broken).code(), "a step with run and uses is refused");

        Files.writeString(broken, text + "\n  bad: [\n");
        Result unparsable = validate(broken);
        assertNotEquals(0, unparsable.code(), "YAML that does not parse is refused");
    }

    @Test
    void everyActionIsPinnedByItsFullCommitWithTheReleaseNamed() throws Exception {
        for (Path f : workflows()) {
            List<String> uses = new ArrayList<>();
            for (String line : Files.readAllLines(f)) {
                Matcher m = USES.matcher(line);
                if (!m.matches()) continue;
                uses.add(m.group(1));
                assertTrue(PINNED.matcher(m.group(1)).matches(), f + ": not pinned by a full commit: " + line.strip());
                assertTrue(RELEASE_COMMENT.matcher(m.group(2)).lookingAt(), f + ": the release is not named: " + line.strip());
            }
            assertFalse(uses.isEmpty(), f + " uses actions");
        }
    }

    @Test
    void aTagRunsTheTestsThenBuildsEveryPlatformsInstallersAndAttachesThem() throws Exception {
        JsonNode wf = release();
        // Jackson's YAML reads the key "on" as written.
        assertTrue(wf.path("on").path("push").path("tags").isArray(), "runs on a pushed tag");
        JsonNode jobs = wf.path("jobs");
        assertTrue(steps(jobs.path("test")).contains("mvn -B -ntp verify"), "the test job runs the README's test command");

        Map<String, String[]> builds = Map.of(
                "linux", new String[]{"ubuntu", "packaging/jpackage.sh deb", "packaging/jpackage.sh rpm"},
                "windows", new String[]{"windows", "packaging/jpackage.sh msi", "Software\\Classes\\$scheme"},
                "macos", new String[]{"macos", "packaging/jpackage.sh dmg", "CFBundleURLTypes"});
        for (Map.Entry<String, String[]> b : builds.entrySet()) {
            JsonNode job = jobs.path(b.getKey());
            assertEquals("test", job.path("needs").asText(), b.getKey() + " builds only after the tests passed");
            assertTrue(job.path("runs-on").asText().startsWith(b.getValue()[0]), b.getKey() + " runs on " + b.getValue()[0]);
            String script = steps(job);
            for (int i = 1; i < b.getValue().length; i++) {
                assertTrue(script.contains(b.getValue()[i]), b.getKey() + " does " + b.getValue()[i]);
            }
            assertTrue(script.contains("installers-" + b.getKey()), b.getKey() + " uploads its installers");
        }

        JsonNode publish = jobs.path("release");
        List<String> needs = new ArrayList<>();
        publish.path("needs").forEach(n -> needs.add(n.asText()));
        assertEquals(List.of("linux", "windows", "macos"), needs, "the release waits for every platform");
        assertEquals("write", publish.path("permissions").path("contents").asText(), "only the publishing job may write");
        assertEquals("read", wf.path("permissions").path("contents").asText(), "the other jobs only read");
        assertTrue(steps(publish).contains("gh release create"), "the installers become release assets");
    }

    /** A job's steps as one text: scripts, actions and their inputs. */
    private static String steps(JsonNode job) {
        StringBuilder s = new StringBuilder();
        job.path("steps").forEach(step -> s.append(step.toString()).append('\n'));
        return s.toString().replace("\\\\", "\\");
    }
}
