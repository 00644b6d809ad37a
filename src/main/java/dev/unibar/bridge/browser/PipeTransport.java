package dev.unibar.bridge.browser;

import dev.unibar.bridge.BridgeProbe;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The DevTools protocol over {@code --remote-debugging-pipe}: the browser reads commands on its file
 * descriptor 3 and writes answers on 4, each message ending with a NUL byte. No port is opened, so no other
 * process can reach the endpoint. Java cannot hand a child extra descriptors, so two named pipes in a private
 * folder are opened as 3 and 4 by {@code /bin/sh} just before it becomes the browser, and removed as soon as
 * both ends are open (POSIX only: Windows uses {@link PortTransport}, docs/decisions/0020-browser-port-transport.md).
 */
final class PipeTransport extends LaunchedTransport {

    private static final System.Logger LOG = System.getLogger(PipeTransport.class.getName());

    private final OutputStream out;
    private final InputStream in;
    private final Object writeLock = new Object();

    private PipeTransport(Process process, OutputStream out, InputStream in, BrowserOutput output) {
        super(process, output);
        this.out = out;
        this.in = in;
    }

    /** Starts {@code command} (browser and its arguments, without the pipe flag) with the pipe attached. */
    static PipeTransport launch(List<String> command, Path privateDir, long timeoutMillis) throws IOException {
        Path toBrowser = privateDir.resolve("cdp-in");
        Path fromBrowser = privateDir.resolve("cdp-out");
        Files.deleteIfExists(toBrowser);
        Files.deleteIfExists(fromBrowser);
        mkfifo(toBrowser);
        mkfifo(fromBrowser);
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
                "exec \"$0\" \"$@\" 3<\"$UNIBAR_CDP_IN\" 4>\"$UNIBAR_CDP_OUT\""));
        cmd.addAll(command);
        cmd.add("--remote-debugging-pipe");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("UNIBAR_CDP_IN", toBrowser.toString());
        pb.environment().put("UNIBAR_CDP_OUT", fromBrowser.toString());
        Process p = pb.start();
        BrowserOutput output = BrowserOutput.of(p);
        // Opening a named pipe blocks until the other side opens it; the shell opens 3 then 4, so do we.
        CompletableFuture<PipeTransport> opened = CompletableFuture.supplyAsync(() -> {
            try {
                OutputStream o = new FileOutputStream(toBrowser.toFile());
                InputStream i = new FileInputStream(fromBrowser.toFile());
                return new PipeTransport(p, o, i, output);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            // A browser that exits before it opens the pipe is a failure now, not at the time-out.
            CompletableFuture.anyOf(opened, p.onExit()).get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (opened.isDone()) return opened.get();
            throw new IOException("exited first");
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            // Read before the kill: destroying a Process closes the stream its output is drained from, and what the
            // reader had not yet read was lost (a fresh-clone run beside a CPU burner showed it).
            String exit = BrowserOutput.exitOf(p, output);
            p.destroyForcibly();
            unblock(toBrowser, fromBrowser);
            // What the browser said as it exited is the reason the agent is told (issue 21).
            throw new IOException(exit.isEmpty() ? "the browser did not open its DevTools pipe" : exit, e);
        } finally {
            Files.deleteIfExists(toBrowser);
            Files.deleteIfExists(fromBrowser);
        }
    }

    @Override
    public void start(CdpConnection.Receiver receiver) {
        Thread reader = new Thread(() -> read(receiver), "unibar-cdp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        synchronized (writeLock) {
            out.write(bytes);
            out.write(0);
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the browser is going away anyway
        }
    }

    private void read(CdpConnection.Receiver receiver) {
        Framer framer = new Framer(CdpConnection.Transport.MAX_MESSAGE_BYTES, receiver);
        byte[] buf = new byte[64 * 1024];
        try (InputStream i = in) {
            int n;
            while ((n = i.read(buf)) > 0) framer.accept(buf, n);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "DevTools pipe closed: " + e.getMessage());
        } finally {
            receiver.closed();
        }
    }

    /**
     * Cuts the pipe's bytes into NUL-ended messages, holding at most {@code max} bytes of one: a longer
     * message is skipped to its NUL and reported by its head, and the reader goes on with the next.
     */
    static final class Framer {
        private final int max;
        private final CdpConnection.Receiver receiver;
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private long size;
        private String head;

        Framer(int max, CdpConnection.Receiver receiver) {
            this.max = max;
            this.receiver = receiver;
        }

        void accept(byte[] buf, int n) {
            int start = 0;
            for (int k = 0; k < n; k++) {
                if (buf[k] != 0) continue;
                take(buf, start, k - start);
                start = k + 1;
                end();
            }
            take(buf, start, n - start);
        }

        private void take(byte[] buf, int from, int len) {
            size += len;
            if (head != null) return;
            if (size <= max) {
                message.write(buf, from, len);
                return;
            }
            // Over the limit: keep only what says what it was, and count the rest.
            message.write(buf, from, Math.max(0, Math.min(len, CdpConnection.Transport.HEAD_BYTES - message.size())));
            byte[] h = message.toByteArray();
            head = new String(h, 0, Math.min(h.length, CdpConnection.Transport.HEAD_BYTES), StandardCharsets.UTF_8);
            message.reset();
        }

        private void end() {
            BridgeProbe.read();
            try {
                if (head != null) receiver.oversized(head, size);
                else receiver.message(message.toString(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "DevTools message handler failed", e);
            } finally {
                message.reset();
                size = 0;
                head = null;
            }
        }
    }

    private static void mkfifo(Path p) throws IOException {
        try {
            Process m = new ProcessBuilder("mkfifo", "-m", "600", p.toString()).redirectErrorStream(true).start();
            if (!m.waitFor(10, TimeUnit.SECONDS) || m.exitValue() != 0) throw new IOException("mkfifo failed for " + p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Opens the far ends ourselves so that our own blocked opens return after a failed launch. */
    private static void unblock(Path toBrowser, Path fromBrowser) {
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
            try (InputStream i = new FileInputStream(toBrowser.toFile())) {
                i.available();
            } catch (IOException ignored) {
                // nothing was waiting
            }
        });
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            try (OutputStream o = new FileOutputStream(fromBrowser.toFile())) {
                o.flush();
            } catch (IOException ignored) {
                // nothing was waiting
            }
        });
        try {
            CompletableFuture.allOf(a, b).get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // best effort: a thread left blocked on a pipe is a daemon
        }
    }
}
