package dev.unibar.crm;

import dev.unibar.config.CrmConfig;
import dev.unibar.core.Printable;
import dev.unibar.core.Session;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Call;
import dev.unibar.core.model.Event;
import dev.unibar.screenpop.UrlTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Programs IT configures to run when a call rings, is answered and ends (MicroSIP's command hooks; issue 23):
 * the program named in the config, with the call's fields as its arguments, started directly, never through a
 * shell, so a caller's name cannot become a command. Each run is stopped (and its children) when it overruns its
 * time limit; at most {@link #PARALLEL} run at once and {@link #QUEUED} wait, more are dropped and logged: a
 * slow hook must never slow the bar. Each call triggers each hook once.
 */
public final class CommandHooks implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CommandHooks.class.getName());
    static final int PARALLEL = 4;
    static final int QUEUED = 32;
    private static final int MEMORY = 200;

    /** One finished run, for tests and the log: the arguments given, the exit code (null: killed at its limit). */
    public record Run(String hook, List<String> argv, Integer exitCode) {
    }

    private final CrmConfig.Hooks config;
    private final ExecutorService runner;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Map<String, Boolean> fired = new LinkedHashMap<>();
    private final Consumer<Run> done;
    private Session session;
    private final Consumer<InspectorEntry> listener = this::seen;

    /** @param done told of every finished run, on the runner's thread */
    public CommandHooks(CrmConfig.Hooks config, Consumer<Run> done) {
        this.config = config;
        this.done = done;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(PARALLEL, PARALLEL, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUED), r -> {
            Thread t = new Thread(r, "unibar-hook");
            t.setDaemon(true);
            return t;
        }, (r, p) -> LOG.log(System.Logger.Level.WARNING, "Command hook dropped: " + QUEUED + " runs already wait"));
        pool.allowCoreThreadTimeOut(true);
        this.runner = pool;
    }

    public CommandHooks attach(Session s) {
        this.session = s;
        if (config.any()) s.inspector().subscribe(listener);
        return this;
    }

    private void seen(InspectorEntry e) {
        if (e.kind() != InspectorEntry.Kind.MAPPED) return;
        for (Event ev : e.events()) {
            if (!(ev instanceof Event.CallEvent ce) || ce.callId() == null) continue;
            Call snapshot = ev instanceof Event.CallRinging r ? r.call() : ev instanceof Event.CallDialing d ? d.call()
                    : ev instanceof Event.CallConnected c ? c.call() : ev instanceof Event.CallUpdated u ? u.call() : null;
            Call call;
            synchronized (this) {
                Call known = calls.get(ce.callId());
                call = known == null ? (snapshot != null ? snapshot : Call.of(ce.callId())) : known.mergedWith(snapshot);
                calls.put(ce.callId(), call);
                while (calls.size() > MEMORY) calls.remove(calls.keySet().iterator().next());
            }
            if (ev instanceof Event.CallRinging) fire("onRing", config.onRing(), ev.vendor(), call);
            else if (ev instanceof Event.CallConnected) fire("onAnswer", config.onAnswer(), ev.vendor(), call);
            else if (ev instanceof Event.CallEnded) fire("onEnd", config.onEnd(), ev.vendor(), call);
        }
    }

    private void fire(String hook, List<String> template, String vendor, Call call) {
        if (template.isEmpty()) return;
        synchronized (this) {
            if (fired.put(hook + "\u0000" + call.id(), true) != null) return;
            while (fired.size() > 3 * MEMORY) fired.remove(fired.keySet().iterator().next());
        }
        List<String> argv = new ArrayList<>();
        argv.add(template.get(0));
        for (String arg : template.subList(1, template.size())) argv.add(UrlTemplate.fill(arg, vendor, call));
        runner.execute(() -> run(hook, argv));
    }

    private void run(String hook, List<String> argv) {
        Integer exit = null;
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(config.timeoutSeconds(), TimeUnit.SECONDS)) {
                exit = p.exitValue();
                if (exit != 0) LOG.log(System.Logger.Level.WARNING, "Command hook " + hook + " exited with " + exit);
            } else {
                List<ProcessHandle> children = p.descendants().toList();
                children.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                // The run is reported once it is gone: a kill is delivered, not done, when destroy returns.
                p.waitFor(5, TimeUnit.SECONDS);
                for (ProcessHandle c : children) {
                    try {
                        c.onExit().get(5, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        LOG.log(System.Logger.Level.WARNING, "Command hook " + hook + ": a child process outlived its kill");
                    }
                }
                LOG.log(System.Logger.Level.WARNING, "Command hook " + hook + " overran " + config.timeoutSeconds()
                        + " s and was stopped");
            }
        } catch (IOException e) {
            // The program's name is IT's config, never call data: safe to log, cut.
            LOG.log(System.Logger.Level.WARNING, "Command hook " + hook + " could not start "
                    + Printable.of(argv.get(0)) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        done.accept(new Run(hook, List.copyOf(argv), exit));
    }

    @Override
    public void close() {
        if (session != null) session.inspector().unsubscribe(listener);
        runner.shutdownNow();
    }
}
