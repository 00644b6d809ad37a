package dev.unibar.app.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the single-instance socket goes: a Unix socket's path must fit in about 108 bytes (104 on macOS), and a
 * state folder under a long home or {@code XDG_STATE_HOME} does not. It went to a 127.0.0.1 port then, which
 * every local user can reach (issue 22). In order: the state folder itself when the path fits; else
 * {@code $XDG_RUNTIME_DIR} (the user's own, 0700 by the spec, checked anyway); else a folder of this user's in
 * the temporary directory, made 0700 and refused if anyone else owns it or it is a link. Each name is a short
 * hash of the state folder, so two state folders never share a socket. Empty: no place fits (the port, behind
 * the secret, is the last resort).
 */
final class SocketPlace {

    /** The smallest limit of the platforms (macOS {@code sun_path} is 104 bytes with its NUL). */
    static final int MAX_PATH_BYTES = 100;
    private static final System.Logger LOG = System.getLogger(SocketPlace.class.getName());

    private SocketPlace() {
    }

    static Optional<Path> choose(Path stateDir, Function<String, String> env, Path tmp, String user) {
        Path own = stateDir.resolve("instance.sock");
        if (fits(own)) return Optional.of(own);
        String name = "unibar-" + hash(stateDir.toAbsolutePath().toString()) + ".sock";
        String runtime = env.apply("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            Path r = Path.of(runtime);
            if (r.isAbsolute() && privateToUs(r, user) && fits(r.resolve(name))) return Optional.of(r.resolve(name));
        }
        if (tmp != null) {
            Path mine = tmp.resolve("unibar-" + hash(user));
            try {
                if (!Files.exists(mine, LinkOption.NOFOLLOW_LINKS)) InstanceChannel.createPrivateDir(mine);
                if (privateToUs(mine, user) && fits(mine.resolve(name))) return Optional.of(mine.resolve(name));
                LOG.log(System.Logger.Level.WARNING, mine + " is not this user's private folder; not using it");
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "no private socket folder in " + tmp + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    static boolean fits(Path socket) {
        return socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    /** A real folder (not a link) {@code user} owns, which nobody else may enter where permissions say so. */
    static boolean privateToUs(Path dir, String user) {
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
            UserPrincipal me = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
            if (!me.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))) return false;
            if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return true;
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            return p.equals(PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
