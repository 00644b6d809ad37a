package dev.unibar.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * packaging/linux/unibar-launcher.sh (decision 0022) in an app image laid out as jpackage makes it, with a
 * stand-in {@code java} that prints its arguments: the JVM gets jpackage's options and class path from
 * Unibar.cfg with {@code $APPDIR} expanded, in order (the AppCDS archive only maps for that exact class path),
 * and the caller's arguments arrive whole after the main class, also when started through a symlink such
 * as /usr/bin/unibar and from a folder with spaces; glibc's malloc arenas are capped unless the caller set
 * their own cap (decision 0088).
 */
class LinuxLauncherTest {

    @TempDir
    Path dir;

    @Test
    void startsTheBundledJavaWithTheConfiguredClassPathOptionsAndTheCallersArguments() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path root = dir.resolve("opt with space/unibar");
        Path app = root.resolve("lib/app");
        Files.createDirectories(app);
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("lib/runtime/bin"));
        Files.writeString(app.resolve("Unibar.cfg"), String.join("\n",
                "[Application]",
                "app.classpath=$APPDIR/unibar.jar",
                "app.mainclass=dev.unibar.Main",
                "app.classpath=$APPDIR/lib/jackson-core-2.17.2.jar",
                "",
                "[JavaOptions]",
                "java-options=-Djpackage.app-version=0.1.0",
                "java-options=-XX:+UseSerialGC",
                "java-options=-XX:SharedArchiveFile=$APPDIR/unibar.jsa",
                "java-options=-Xshare:auto",
                ""));
        Path java = root.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Path launcher = root.resolve("bin/Unibar");
        Files.copy(Path.of("packaging/linux/unibar-launcher.sh"), launcher);
        for (Path p : List.of(java, launcher)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = dir.resolve("usr-bin-unibar");
        Files.createSymbolicLink(link, launcher);

        List<String> expected = new ArrayList<>(List.of(
                "-Djpackage.app-version=0.1.0",
                "-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=" + app + "/unibar.jsa",
                "-Xshare:auto",
                "-Djpackage.app-path=" + launcher,
                "-cp", app + "/unibar.jar:" + app + "/lib/jackson-core-2.17.2.jar",
                "dev.unibar.Main",
                "--config", "my config.yml", "tel:+420 601 123 456"));
        assertEquals(expected, run(link.toString(), "--config", "my config.yml", "tel:+420 601 123 456"));
        assertEquals(expected.subList(0, expected.size() - 3), run(launcher.toString()), "no arguments");
    }

    @Test
    void capsGlibcMallocArenasUnlessTheCallerSetTheirOwnCap() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path root = dir.resolve("unibar");
        Files.createDirectories(root.resolve("lib/app"));
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("lib/runtime/bin"));
        Files.writeString(root.resolve("lib/app/Unibar.cfg"), "[Application]\napp.classpath=$APPDIR/unibar.jar\napp.mainclass=dev.unibar.Main\n");
        Path java = root.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\nprintf 'arenas=%s\\n' \"${MALLOC_ARENA_MAX-unset}\"\n");
        Path launcher = root.resolve("bin/Unibar");
        Files.copy(Path.of("packaging/linux/unibar-launcher.sh"), launcher);
        for (Path p : List.of(java, launcher)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(List.of("arenas=2"), run(Map.of(), launcher.toString()));
        assertEquals(List.of("arenas=4"), run(Map.of("MALLOC_ARENA_MAX", "4"), launcher.toString()), "an administrator's cap");
    }

    private static List<String> run(String... cmd) throws Exception {
        return run(Map.of(), cmd);
    }

    private static List<String> run(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("MALLOC_ARENA_MAX");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
