package dev.unibar.connectors.agentdesktop;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.io.IOException;

/**
 * Makes this JVM trust the widget page's own certificate besides the JDK's CAs (which stay as they
 * are, including a {@code javax.net.ssl.trustStore} the user set). The WebView's HTTPS client takes the
 * default SSLContext once, when it first loads an http(s) page (measured: JavaFX 21's HTTP2Loader builds
 * one static HttpClient), so this must run before the first WebView load of the process.
 */
public final class LoopbackTrust {

    private static X509Certificate installed;

    private LoopbackTrust() {
    }

    public static synchronized void install(X509Certificate own) throws GeneralSecurityException, IOException {
        if (own.equals(installed)) return;
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        int i = 0;
        for (TrustManager tm : jdk.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                for (X509Certificate c : x.getAcceptedIssuers()) anchors.setCertificateEntry("jdk-" + i++, c);
            }
        }
        anchors.setCertificateEntry(LoopbackCertificate.ALIAS, own);
        TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        both.init(anchors);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, both.getTrustManagers(), null);
        SSLContext.setDefault(ctx);
        HttpsURLConnection.setDefaultSSLSocketFactory(ctx.getSocketFactory());
        installed = own;
    }
}
