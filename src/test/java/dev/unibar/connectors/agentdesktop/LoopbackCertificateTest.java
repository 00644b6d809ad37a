package dev.unibar.connectors.agentdesktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackCertificateTest {

    @TempDir
    Path dir;

    @Test
    void aSelfSignedServerCertificateFor127001AndLocalhost() throws Exception {
        Instant now = Instant.now();
        X509Certificate c = LoopbackCertificate.create(now).certificate();
        c.verify(c.getPublicKey());
        c.checkValidity(Date.from(now));
        c.checkValidity(Date.from(now.plus(Duration.ofDays(4 * 365))));
        Set<String> names = c.getSubjectAlternativeNames().stream().map(l -> l.get(0) + "=" + l.get(1)).collect(Collectors.toSet());
        assertEquals(Set.of("7=127.0.0.1", "2=localhost"), names);
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), c.getExtendedKeyUsage());
        assertEquals(-1, c.getBasicConstraints(), "not a CA");
        assertEquals("SHA256withECDSA", c.getSigAlgName());
    }

    @Test
    void keptPerInstallationReadableByTheUserOnlyAndRenewedNearExpiryOrWhenDamaged() throws Exception {
        Path file = dir.resolve("sub").resolve(AgentDesktopConfig.KEYSTORE_FILE);
        Instant now = Instant.now();
        X509Certificate first = LoopbackCertificate.loadOrCreate(file, now).certificate();
        assertTrue(Files.isRegularFile(file));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals(first, LoopbackCertificate.loadOrCreate(file, now.plus(Duration.ofDays(100))).certificate(), "reused");
        X509Certificate later = LoopbackCertificate.loadOrCreate(file, now.plus(Duration.ofDays(5 * 365 - 10))).certificate();
        assertNotEquals(first, later, "renewed within 30 days of expiry");
        Files.writeString(file, "not a keystore");
        X509Certificate fresh = LoopbackCertificate.loadOrCreate(file, now).certificate();
        assertNotEquals(later, fresh, "a damaged file is replaced");
        assertEquals(fresh, LoopbackCertificate.loadOrCreate(file, now).certificate());
    }
}
