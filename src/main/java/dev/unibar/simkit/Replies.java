package dev.unibar.simkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a simulator answers over HTTP: JSON bodies, refusals, request bodies read as one JSON object. */
public final class Replies {

    /** One mapper for every simulator: Jackson's is thread-safe once configured, and nothing configures it. */
    public static final ObjectMapper JSON = new ObjectMapper();

    public static final String JSON_TYPE = "application/json; charset=utf-8";
    public static final String HTML_TYPE = "text/html; charset=utf-8";
    public static final String JS_TYPE = "application/javascript; charset=utf-8";

    private Replies() {
    }

    /**
     * A JSON object's fields from keys and values, alternating, kept in the order given: a simulator's shapes
     * read as the vendor's documents write them.
     */
    public static Map<String, Object> fields(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("a key without its value");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** {@code body} as JSON with this status. */
    public static boolean json(Response response, Callback callback, int status, Object body) {
        try {
            return send(response, callback, status, JSON_TYPE, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simulator reply could not be written as JSON", e);
        }
    }

    /** {@code {"error": message}} with this status. */
    public static boolean error(Response response, Callback callback, int status, String message) {
        return json(response, callback, status, Map.of("error", String.valueOf(message)));
    }

    public static boolean send(Response response, Callback callback, int status, String type, String body) {
        return send(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        // A refused request's body stays unread and the server drops the connection after answering: say so, so
        // that no client sends its next request down that socket.
        if (status == 401 || status == 403 || status == 413 || status == 421) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** The gate's answer: an error, and the connection closed after it. */
    static boolean refuse(Response response, Callback callback, int status, String why) {
        return error(response, callback, status, why);
    }

    /**
     * The request body as a JSON object; an empty body is an empty object.
     *
     * @throws IllegalArgumentException "body is not JSON" / "body must be a JSON object"
     */
    public static Map<String, Object> object(Request request) throws IOException {
        return object(Content.Source.asString(request, StandardCharsets.UTF_8));
    }

    public static Map<String, Object> object(String body) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (body == null || body.isBlank()) return out;
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> m)) throw new IllegalArgumentException("body must be a JSON object");
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A query parameter as a number; absent or not a number: {@code def}. */
    public static long query(Request request, String name, long def) {
        String s = Request.extractQueryParameters(request).getValue(name);
        if (s == null) return def;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return def;
        }
    }

    /** A file beside the simulator's classes ({@code owner}'s package folder in the resources). */
    public static byte[] resource(Class<?> owner, String name) {
        String path = "/" + owner.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Class<?> owner, String name) {
        return new String(resource(owner, name), StandardCharsets.UTF_8);
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simulator value could not be written as JSON", e);
        }
    }

    /** A value as JSON inside a page's {@code <script>}: "&lt;/" cannot close the script. */
    public static String inScript(Object value) {
        return toJson(value).replace("</", "<\\/");
    }
}
