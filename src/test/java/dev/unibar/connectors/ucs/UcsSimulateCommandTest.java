package dev.unibar.connectors.ucs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code unibar simulate ucs} hands the supervisor a control address that works as printed, and only with its secret. */
class UcsSimulateCommandTest {

    @Test
    void printsTheControlAddressWithThisRunsSecret() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AutoCloseable sim = new UcsModule().simulate(0, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String text = out.toString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("control: +(http://127\\.0\\.0\\.1:\\d+/control/scenarios\\?secret=([A-Za-z0-9_-]+))")
                    .matcher(text);
            assertTrue(m.find(), text);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            String without = m.group(1).substring(0, m.group(1).indexOf('?'));
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(without)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }
}
