package dev.unibar.app.desktop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The address and secret of the running bar, in a file only the user can read. */
record InstanceEndpoint(SocketAddress address, String token) {

    static void write(Path file, SocketAddress address, String token) throws IOException {
        String where = address instanceof UnixDomainSocketAddress u ? "unix " + u.getPath()
                : "tcp " + ((InetSocketAddress) address).getPort();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (InstanceChannel.posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, "unibar-instance 1\n" + where + "\n" + token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits up to {@code wait} for a bar that holds the lock but has not written its file yet. */
    static InstanceEndpoint read(Path file, Duration wait) throws IOException {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<InstanceEndpoint> e = tryRead(file);
            if (e.isPresent()) return e.get();
            if (System.nanoTime() > until) throw new IOException("a bar is running but its channel is not ready (" + file + ")");
            try {
                Thread.sleep(50);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    private static Optional<InstanceEndpoint> tryRead(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 3 || !lines.get(0).equals("unibar-instance 1")) return Optional.empty();
        String where = lines.get(1);
        SocketAddress a;
        if (where.startsWith("unix ")) {
            a = UnixDomainSocketAddress.of(where.substring(5));
        } else if (where.startsWith("tcp ")) {
            a = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(where.substring(4).trim()));
        } else {
            return Optional.empty();
        }
        return Optional.of(new InstanceEndpoint(a, lines.get(2)));
    }
}
