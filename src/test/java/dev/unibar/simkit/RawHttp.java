package dev.unibar.simkit;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 by hand: java.net.http will not send a Host or Origin header of a test's choosing. */
public final class RawHttp {

    private RawHttp() {
    }

    /** The whole answer (status line, headers, body) to one request; {@code headers} are full lines. */
    public static String exchange(int port, String method, String path, String host, String body, String... headers)
            throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            StringBuilder r = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (host != null) r.append("Host: ").append(host).append("\r\n");
            r.append("Connection: close\r\n");
            for (String h : headers) r.append(h).append("\r\n");
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) r.append("Content-Length: ").append(b.length).append("\r\n");
            r.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(r.toString().getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** The value of a header in an answer, or null. */
    public static String header(String answer, String name) {
        for (String line : answer.split("\r\n")) {
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
        }
        return null;
    }

    public static String body(String answer) {
        int i = answer.indexOf("\r\n\r\n");
        return i < 0 ? "" : answer.substring(i + 4);
    }
}
