package dev.unibar.app.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceChannelTest {

    @TempDir
    Path dir;

    @Test
    void theSecondStartHandsItsArgumentsToTheFirst() throws Exception {
        List<List<String>> received = new CopyOnWriteArrayList<>();
        InstanceChannel.Claim first = InstanceChannel.claim(dir, List.of());
        assertFalse(first.handedOff());
        try (InstanceChannel bar = first.primary()) {
            bar.setHandler(args -> {
                received.add(args);
                return "ok: got " + args.size();
            });
            InstanceChannel.Claim second = InstanceChannel.claim(dir, List.of("dial", "+420601123456"));
            assertTrue(second.handedOff());
            assertEquals("ok: got 2", second.reply());
            assertEquals(List.of(List.of("dial", "+420601123456")), received);
        }
    }

    @Test
    void theSecretAndTheFolderAreTheUsersAlone() throws Exception {
        try (InstanceChannel bar = InstanceChannel.claim(dir, List.of()).primary()) {
            assertNotNull(bar);
            if (InstanceChannel.posix()) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("instance"))));
            }
            String[] lines = Files.readString(dir.resolve("instance")).split("\n");
            assertEquals("unibar-instance 1", lines[0]);
            assertTrue(lines[2].length() >= 40, "a 256-bit secret");
        }
        assertFalse(Files.exists(dir.resolve("instance")), "a bar that stops removes its address and secret");
    }

    @Test
    void aRequestWithoutTheSecretChangesNothing() throws Exception {
        List<List<String>> received = new CopyOnWriteArrayList<>();
        try (InstanceChannel bar = InstanceChannel.claim(dir, List.of()).primary()) {
            bar.setHandler(args -> {
                received.add(args);
                return "ok";
            });
            InstanceEndpoint ep = InstanceEndpoint.read(dir.resolve("instance"), Duration.ofSeconds(1));
            assertEquals("error: denied", raw(ep, "{\"token\":\"guess\",\"args\":[\"dial\",\"1\"]}\n"));
            assertEquals("error: denied", raw(ep, "{\"args\":[\"dial\",\"1\"]}\n"));
            assertEquals("error: not a request", raw(ep, "dial 1\n"));
            assertEquals("error: request too long or not finished",
                    raw(ep, "{\"token\":\"" + ep.token() + "\",\"args\":[\"" + "9".repeat(InstanceChannel.MAX_BYTES) + "\"]}\n"));
            assertEquals("error: bad arguments", raw(ep, "{\"token\":\"" + ep.token() + "\",\"args\":[1]}\n"));
            assertTrue(received.isEmpty(), "the handler never ran: " + received);
            assertEquals("ok", raw(ep, "{\"token\":\"" + ep.token() + "\",\"args\":[]}\n"), "the secret opens it");
        }
    }

    @Test
    void aClientThatSendsNothingIsCutOffAndTheBarStillAnswers() throws Exception {
        try (InstanceChannel bar = InstanceChannel.claim(dir, List.of()).primary()) {
            bar.setHandler(args -> "ok");
            InstanceEndpoint ep = InstanceEndpoint.read(dir.resolve("instance"), Duration.ofSeconds(1));
            try (SocketChannel idle = open(ep)) {
                long t = System.nanoTime();
                ByteBuffer b = ByteBuffer.allocate(64);
                int n = idle.read(b);
                assertTrue(n <= 0 || new String(b.array(), 0, n, StandardCharsets.UTF_8).startsWith("error"));
                assertTrue(System.nanoTime() - t < InstanceChannel.READ_LIMIT.toNanos() * 3, "closed after the read limit");
            } catch (IOException closed) {
                // closed by the bar: what we want
            }
            assertEquals("ok", InstanceChannel.send(dir, List.of()));
        }
    }

    /**
     * Issue 22: one connection at a time with a 3 s read limit, so ten idle connections (any user, on the port)
     * made {@code unibar dial} wait 15 s and fail with "null". Each connection has its own thread and deadline
     * now: the dial is answered while the ten still hang, on the socket and on the loopback port alike, well
     * inside the read limit the idle ones are cut at (the product's deadline).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void tenIdleConnectionsDoNotHoldADialBack(boolean unixSocket) throws Exception {
        InstanceChannel.Claim claim = unixSocket ? InstanceChannel.claim(dir, List.of())
                : InstanceChannel.claim(dir, List.of(), Optional::empty);
        try (InstanceChannel bar = claim.primary()) {
            bar.setHandler(args -> "ok: dialing " + args.get(1));
            InstanceEndpoint ep = InstanceEndpoint.read(dir.resolve("instance"), Duration.ofSeconds(1));
            assertEquals(unixSocket, ep.address() instanceof java.net.UnixDomainSocketAddress);
            List<SocketChannel> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) idle.add(open(ep));
                long t = System.nanoTime();
                assertEquals("ok: dialing 5551235", InstanceChannel.send(dir, List.of("dial", "5551235")));
                Duration took = Duration.ofNanos(System.nanoTime() - t);
                assertTrue(took.compareTo(InstanceChannel.READ_LIMIT) < 0, "answered in " + took + " with ten idle clients");
            } finally {
                for (SocketChannel c : idle) c.close();
            }
        }
    }

    @Test
    void moreConnectionsThanTheBoundAreToldAtOnce() throws Exception {
        try (InstanceChannel bar = InstanceChannel.claim(dir, List.of()).primary()) {
            bar.setHandler(args -> "ok");
            InstanceEndpoint ep = InstanceEndpoint.read(dir.resolve("instance"), Duration.ofSeconds(1));
            List<SocketChannel> idle = new ArrayList<>();
            try {
                for (int i = 0; i < InstanceChannel.MAX_CONNECTIONS; i++) idle.add(open(ep));
                String reply = InstanceChannel.send(dir, List.of());
                assertTrue(reply.startsWith("error: busy"), reply);
            } finally {
                for (SocketChannel c : idle) c.close();
            }
        }
    }

    /** Issue 22: a state folder past a socket path's limit fell back to a port every local user can reach. */
    @Test
    void aStateFolderTooLongForASocketGetsAPrivateSocketElsewhere(@TempDir Path runtime, @TempDir Path tmp) throws Exception {
        Path deep = dir.resolve("a".repeat(60)).resolve("b".repeat(60)).resolve("unibar");
        String user = System.getProperty("user.name");
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Optional<Path> inRuntime = SocketPlace.choose(deep, Map.of("XDG_RUNTIME_DIR", runtime.toString())::get, tmp, user);
        assertEquals(runtime, inRuntime.orElseThrow().getParent(), "under $XDG_RUNTIME_DIR");
        Optional<Path> inTmp = SocketPlace.choose(deep, Map.<String, String>of()::get, tmp, user);
        Path folder = inTmp.orElseThrow().getParent();
        assertEquals(tmp, folder.getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), "a folder of the user's alone");
        assertTrue(SocketPlace.fits(inTmp.get()));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(SocketPlace.choose(deep, Map.<String, String>of()::get, tmp, user).isEmpty(),
                "a folder others may enter is not used");
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(SocketPlace.choose(deep, Map.of("XDG_RUNTIME_DIR", runtime.toString())::get, null, user).isEmpty());

        try (InstanceChannel bar = InstanceChannel.claim(deep, List.of(), () -> inRuntime).primary()) {
            bar.setHandler(args -> "ok");
            InstanceEndpoint ep = InstanceEndpoint.read(deep.resolve("instance"), Duration.ofSeconds(1));
            assertEquals(java.net.UnixDomainSocketAddress.of(inRuntime.get()), ep.address());
            assertEquals("ok", InstanceChannel.send(deep, List.of()));
        }
    }

    @Test
    void aBarThatDoesNotListenIsNamedNotNull() throws Exception {
        Path sock = dir.resolve("gone.sock");
        InstanceEndpoint.write(dir.resolve("instance"), java.net.UnixDomainSocketAddress.of(sock), "x");
        IOException e = assertThrows(IOException.class, () -> InstanceChannel.send(dir, List.of("dial", "1")));
        assertTrue(e.getMessage().contains("refused the connection") && e.getMessage().contains(sock.toString()), e.getMessage());
    }

    @Test
    void aStaleAddressFileFromACrashedBarDoesNotStopTheNextStart() throws Exception {
        Files.writeString(dir.resolve("instance"), "unibar-instance 1\ntcp 1\nold\n");
        InstanceChannel.Claim c = InstanceChannel.claim(dir, List.of());
        try (InstanceChannel bar = c.primary()) {
            assertNotNull(bar, "nobody holds the lock: this start is the bar");
            assertFalse(Files.readString(dir.resolve("instance")).contains("old"));
        }
    }

    @Test
    void withNoBarRunningSendIfRunningSaysSo() {
        IOException e = assertThrows(IOException.class, () -> InstanceChannel.sendIfRunning(dir, List.of("dial", "1")));
        assertTrue(e.getMessage().contains("no Unibar bar is running"), e.getMessage());
    }

    private static SocketChannel open(InstanceEndpoint ep) throws IOException {
        SocketChannel c = ep.address() instanceof java.net.UnixDomainSocketAddress
                ? SocketChannel.open(java.net.StandardProtocolFamily.UNIX) : SocketChannel.open();
        c.connect(ep.address());
        return c;
    }

    private static String raw(InstanceEndpoint ep, String request) throws IOException {
        try (SocketChannel c = open(ep)) {
            c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer b = ByteBuffer.allocate(4096);
            StringBuilder sb = new StringBuilder();
            while (c.read(b) > 0) {
                sb.append(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
                b.clear();
                if (sb.indexOf("\n") >= 0) break;
            }
            return sb.toString().strip();
        }
    }
}
