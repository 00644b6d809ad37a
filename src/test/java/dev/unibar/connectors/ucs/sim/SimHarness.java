package dev.unibar.connectors.ucs.sim;

import dev.unibar.simkit.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A UcsSimState with hand-stepped time, capturing every push and record. */
final class SimHarness {

    record Push(String callback, List<Object> args) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map(int i) {
            return (Map<String, Object>) args.get(i);
        }
    }

    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class ManualScheduler implements Scheduler {
        private final ManualClock clock;
        private final List<Object[]> tasks = new ArrayList<>();
        private long seq;

        ManualScheduler(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public Task schedule(Runnable action, long delayMs) {
            Object[] t = {clock.now.plusMillis(delayMs), seq++, action, false};
            tasks.add(t);
            return () -> t[3] = true;
        }

        /** Moves time on, running every task that falls due on the way, in due order. */
        void advance(long ms) {
            Instant end = clock.now.plusMillis(ms);
            while (true) {
                Object[] next = tasks.stream().filter(t -> !(Boolean) t[3] && !((Instant) t[0]).isAfter(end))
                        .min(Comparator.<Object[], Instant>comparing(t -> (Instant) t[0]).thenComparing(t -> (Long) t[1]))
                        .orElse(null);
                if (next == null) break;
                tasks.remove(next);
                clock.now = (Instant) next[0];
                ((Runnable) next[2]).run();
            }
            clock.now = end;
        }

        long pending() {
            return tasks.stream().filter(t -> !(Boolean) t[3]).count();
        }
    }

    final UcsSimSettings settings = UcsSimSettings.defaults().delays(new UcsSimSettings.Delays(3000, 15000, 2000, 10000, 20000));
    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final List<Push> pushes = new ArrayList<>();
    final List<Recorded> recorded = new ArrayList<>();
    final UcsSimState state = new UcsSimState(settings, scheduler, clock, (cb, a) -> pushes.add(new Push(cb, a)), recorded::add);

    List<String> callbacks() {
        return pushes.stream().map(Push::callback).collect(Collectors.toList());
    }

    /** Callbacks pushed since the last call, then forgets them. */
    List<String> drain() {
        List<String> out = callbacks();
        pushes.clear();
        return out;
    }

    Push last(String callback) {
        for (int i = pushes.size() - 1; i >= 0; i--) {
            if (pushes.get(i).callback().equals(callback)) return pushes.get(i);
        }
        throw new AssertionError("no " + callback + " in " + callbacks());
    }

    List<Push> all(String callback) {
        return pushes.stream().filter(p -> p.callback().equals(callback)).collect(Collectors.toList());
    }

    boolean call(String method, Object... args) {
        return state.handle(method, new ArrayList<>(List.of(args)));
    }

    SimHarness connect(Map<String, Object> flags) {
        state.connect(flags);
        return this;
    }

    SimHarness toIdentify() {
        connect(Map.of("listDevices", true, "confirmDevice", true));
        call("login", "agent", "agent", false);
        return this;
    }

    SimHarness toDevice() {
        toIdentify();
        call("selectIdentifier", "201");
        return this;
    }

    SimHarness toReady() {
        toDevice();
        call("provision");
        return this;
    }

    /** READY with status READY, pushes forgotten. */
    SimHarness readyAgent() {
        toReady();
        call("changeStatus", "READY");
        pushes.clear();
        recorded.clear();
        return this;
    }

    SimCall talkingInbound() {
        SimCall c = state.offerInbound("777123456", "Jana Nováková", 1, Map.of("customer_id", "42"), 0);
        call("answer");
        return c;
    }
}
