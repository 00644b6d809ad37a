package dev.unibar.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: sets each FX stall a {@link ShiftSoak} report lists beside the flight recording of the same run
 * (decision 0090). For every stall it prints what the FX thread was doing inside the window: its samples in Java
 * or native code (first frames), its waits of 20 ms or more, any garbage collection, and the machine's CPU.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.StallProfile \
 *     -Dexec.args="target/soak/ucs.jfr target/shift-soak-ucs.txt"
 * </pre>
 * The recording comes from the soak run with {@code "-DargLine=-XX:StartFlightRecording=filename=F,settings=default,
 * dumponexit=true"}; the report's stall times are UTC on the day the recording started.
 */
public final class StallProfile {

    /** Monocle's FX thread is its event thread; a desktop glass has the usual name. */
    private static final List<String> FX = List.of("Event Thread", "JavaFX Application Thread");
    private static final Pattern STALL = Pattern.compile("(\\d\\d:\\d\\d:\\d\\d\\.\\d+)Z:(\\d+)ms(\\(machine\\))?");

    private record Window(Instant start, Instant end, String label, List<String> seen) {
    }

    private StallProfile() {
    }

    public static void main(String[] args) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        LocalDate day = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElseThrow()
                .atZone(ZoneOffset.UTC).toLocalDate();
        List<Window> windows = new ArrayList<>();
        Matcher m = STALL.matcher(Files.readString(Path.of(args[1])));
        while (m.find()) {
            Instant start = LocalTime.parse(m.group(1)).atDate(day).toInstant(ZoneOffset.UTC);
            windows.add(new Window(start, start.plusMillis(Long.parseLong(m.group(2))),
                    m.group(1) + " " + m.group(2) + " ms" + (m.group(3) == null ? "" : " " + m.group(3)), new ArrayList<>()));
        }
        TreeMap<Instant, Double> cpu = new TreeMap<>();
        for (RecordedEvent e : events) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.CPULoad")) {
                cpu.put(e.getStartTime(), e.getFloat("machineTotal") * 1.0);
                continue;
            }
            String what = describe(e, type);
            if (what == null) continue;
            for (Window w : windows) {
                if (!e.getStartTime().isAfter(w.end()) && !e.getEndTime().isBefore(w.start())) w.seen().add(what);
            }
        }
        int idle = 0;
        for (Window w : windows) {
            var before = cpu.floorEntry(w.start());
            System.out.printf(Locale.ROOT, "stall %s, machine CPU %s%n", w.label(),
                    before == null ? "?" : String.format(Locale.ROOT, "%.0f %%", 100 * before.getValue()));
            w.seen().forEach(s -> System.out.println("    " + s));
            if (w.seen().stream().noneMatch(s -> s.startsWith("FX sample") || s.startsWith("GC"))) idle++;
        }
        System.out.printf(Locale.ROOT, "%d stalls; in %d of them the FX thread ran nothing sampled and no collection ran%n",
                windows.size(), idle);
    }

    /** One line for an event that tells what the FX thread did, or a collection; null for the rest. */
    private static String describe(RecordedEvent e, String type) {
        if (type.equals("jdk.GarbageCollection")) {
            return "GC " + e.getString("name") + " (" + e.getString("cause") + ") " + ms(e.getDuration());
        }
        RecordedThread t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
        if (t == null || t.getJavaName() == null || !FX.contains(t.getJavaName())) return null;
        String frames = e.getStackTrace() == null ? "" : String.join(" <- ", e.getStackTrace().getFrames().stream()
                .limit(4).map(StallProfile::frame).toList());
        return switch (type) {
            case "jdk.ExecutionSample", "jdk.NativeMethodSample" -> "FX sample " + e.getStartTime() + ": " + frames;
            case "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.ThreadSleep" ->
                    "FX waits " + ms(e.getDuration()) + " (" + type.substring(4) + "): " + frames;
            default -> null;
        };
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
