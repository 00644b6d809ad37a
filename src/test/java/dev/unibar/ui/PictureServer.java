package dev.unibar.ui;

import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A picture host on 127.0.0.1: {@code /ada.png} is a 3×2 PNG of known pixels, {@code /big.png} a PNG type over
 * 2 MB, {@code /page.png} HTML under a PNG name, anything else 404. Records the paths asked for.
 */
final class PictureServer implements AutoCloseable {

    /** The PNG's pixels, row by row, as ARGB. */
    static final int[][] PIXELS = {{0xFFFF0000, 0xFF00FF00, 0xFF0000FF}, {0xFFFFFFFF, 0xFF000000, 0xFF808080}};

    final List<String> hits = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    PictureServer() throws IOException {
        byte[] png = png();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.add(path);
            byte[] body;
            String type = "image/png";
            int status = 200;
            switch (path) {
                case "/ada.png" -> body = png;
                case "/big.png" -> body = new byte[3 * 1024 * 1024];
                case "/page.png" -> {
                    body = "<html>not a picture</html>".getBytes();
                    type = "text/html";
                }
                default -> {
                    body = "not found".getBytes();
                    type = "text/plain";
                    status = 404;
                }
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            } catch (IOException ignored) {
                // the client stopped reading (the oversized answer)
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static byte[] png() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) img.setRGB(x, y, PIXELS[y][x]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
