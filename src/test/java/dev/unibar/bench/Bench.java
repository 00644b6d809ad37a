package dev.unibar.bench;

import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** What the FX benchmarks share around their measurement: the toolkit, the machine's load, the exit. */
final class Bench {

    interface Body {
        void run() throws Exception;
    }

    private Bench() {
    }

    /**
     * Prints the load average, starts the FX toolkit, runs the body, prints the load again and exits; a failure
     * exits too (the toolkit's thread would keep the JVM alive after it).
     */
    static void main(Body body) {
        try {
            System.out.println("load before: " + load());
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            Platform.setImplicitExit(false);
            body.run();
            System.out.println("load after: " + load());
            Platform.exit();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** /proc/loadavg, or "?" where there is none. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
