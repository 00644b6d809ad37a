package dev.unibar.localapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret a local program without an Origin (a script, a softphone add-on) shows the API, as
 * {@code Authorization: Bearer <token>}: 32 random bytes in a file only the user can read ({@code rw-------} in a
 * {@code rwx------} folder, the user's profile ACL on Windows). Another user on a shared terminal server can reach
 * the port but not the file. Made at the bar's first start with the API on, kept across starts; deleting the file
 * makes a new one. The value never reaches a log, an event or the inspector: {@link #toString} hides it.
 */
public final class ApiToken {

    private final byte[] value;
    private final Path file;

    private ApiToken(byte[] value, Path file) {
        this.value = value;
        this.file = file;
    }

    /** The token in {@code file}, or a new one written there; the folder and file are made private either way. */
    public static ApiToken loadOrCreate(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
        if (Files.isRegularFile(file)) {
            restrict(file, "rw-------");
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (text.length() >= 32) return new ApiToken(text.getBytes(StandardCharsets.US_ASCII), file);
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        writePrivately(file, token + "\n");
        return new ApiToken(token.getBytes(StandardCharsets.US_ASCII), file);
    }

    /**
     * Writes {@code text} (UTF-8) to {@code file}: private from its first byte, then moved into place, so the file
     * is never readable by others, not even briefly, nor ever half written.
     */
    static void writePrivately(Path file, String text) throws IOException {
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".new");
        Files.createDirectories(tmp.getParent());
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another process is writing " + tmp, raced);
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrict(Path p, String perms) throws IOException {
        try {
            Set<PosixFilePermission> want = PosixFilePermissions.fromString(perms);
            if (!Files.getPosixFilePermissions(p).equals(want)) Files.setPosixFilePermissions(p, want);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is the user's alone.
        }
    }

    /** True when {@code header} is exactly {@code Bearer <this token>} (compared in constant time). */
    public boolean matchesAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(value, given);
    }

    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "ApiToken[" + file + "]";
    }
}
