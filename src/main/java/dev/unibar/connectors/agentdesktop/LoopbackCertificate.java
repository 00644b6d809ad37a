package dev.unibar.connectors.agentdesktop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The per-installation self-signed certificate of the https widget page (decision 0010): for
 * {@code 127.0.0.1} and {@code localhost}, an EC P-256 key, kept in a PKCS12 file readable by the user
 * only, made anew when missing, unreadable or close to expiry. The JDK has no public API that writes a
 * certificate and no new dependency is wanted for one, so its few DER structures are written here.
 *
 * <p>The store's password is a constant: the file's permissions protect the key, as they protect the
 * user's other local files; the key only proves "this is the Unibar of this user" to its own WebView.
 */
public record LoopbackCertificate(KeyStore keyStore, X509Certificate certificate) {

    static final String ALIAS = "unibar-agentdesktop-widget";
    static final char[] PASSWORD = "unibar-loopback".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    public char[] password() {
        return PASSWORD.clone();
    }

    /** The certificate in {@code file}, or a new one written there. */
    public static LoopbackCertificate loadOrCreate(Path file, Instant now) throws IOException, GeneralSecurityException {
        LoopbackCertificate existing = load(file, now);
        if (existing != null) return existing;
        LoopbackCertificate made = create(now);
        save(made.keyStore, file);
        return made;
    }

    private static LoopbackCertificate load(Path file, Instant now) {
        if (!Files.isRegularFile(file)) return null;
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            if (!(ks.getCertificate(ALIAS) instanceof X509Certificate c) || ks.getKey(ALIAS, PASSWORD) == null) return null;
            c.checkValidity(Date.from(now.plus(RENEW_BEFORE)));
            return new LoopbackCertificate(ks, c);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null; // damaged, foreign or expiring: replaced
        }
    }

    /** A new key and certificate, in memory. */
    public static LoopbackCertificate create(Instant now) throws GeneralSecurityException, IOException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair kp = g.generateKeyPair();
        byte[] sigAlg = seq(oid("1.2.840.10045.4.3.2")); // ecdsa-with-SHA256
        byte[] name = seq(set(seq(oid("2.5.4.3"), tlv(0x0C, "Unibar AgentDesktop widget (127.0.0.1)".getBytes(StandardCharsets.UTF_8)))));
        byte[] serial = tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
        byte[] san = seq(tlv(0x87, new byte[]{127, 0, 0, 1}), tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)));
        byte[] extensions = tlv(0xA3, seq(
                seq(oid("2.5.29.17"), tlv(0x04, san)),                                   // subjectAltName
                seq(oid("2.5.29.19"), tlv(0x04, seq())),                                 // basicConstraints: not a CA
                seq(oid("2.5.29.37"), tlv(0x04, seq(oid("1.3.6.1.5.5.7.3.1"))))));       // extKeyUsage: serverAuth
        byte[] tbs = seq(tlv(0xA0, tlv(0x02, new byte[]{2})), serial, sigAlg, name,
                seq(time(now.minus(Duration.ofDays(1))), time(now.plus(VALIDITY))), name, kp.getPublic().getEncoded(), extensions);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(kp.getPrivate());
        s.update(tbs);
        byte[] sig = s.sign();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        byte[] der = seq(tbs, sigAlg, tlv(0x03, bits));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        cert.verify(kp.getPublic());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, kp.getPrivate(), PASSWORD, new Certificate[]{cert});
        return new LoopbackCertificate(ks, cert);
    }

    private static void save(KeyStore ks, Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".agentdesktop-widget", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, PASSWORD);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // ---- DER, only what a certificate needs ----------------------------------------------------

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] time(Instant t) {
        var z = t.atZone(ZoneOffset.UTC);
        // RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
        if (z.getYear() < 2050) return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(z).getBytes(StandardCharsets.US_ASCII));
        return tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(z).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long v = Long.parseLong(arcs[i]);
            int groups = 1;
            while ((v >> (7 * groups)) != 0) groups++;
            for (int g = groups - 1; g >= 0; g--) out.write((int) ((v >> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xFFFF ? 3 : n > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write((n >> (8 * i)) & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
