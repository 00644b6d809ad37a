package dev.unibar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The local API's JSON Schemas (docs/local-api/*.schema.json), as a client would read them: every message a
 * test sees is checked against the schema of its type, formats (date-time) asserted.
 */
public final class ApiSchemas {

    public static final String BASE = "https://unibar.dev/schemas/local-api/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, Path.of("docs", "local-api").toAbsolutePath().toUri() + "")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private ApiSchemas() {
    }

    public static JsonSchema schema(String name) {
        return CACHE.computeIfAbsent(name, n -> FACTORY.getSchema(SchemaLocation.of(BASE + n + ".schema.json"), CONFIG));
    }

    /** The problems of {@code message} against {@code name}.schema.json; empty when it is valid. */
    public static Set<ValidationMessage> problems(String name, JsonNode message) {
        return schema(name).validate(message);
    }

    public static JsonNode check(String name, String text) {
        try {
            JsonNode n = JSON.readTree(text);
            check(name, n);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails the test when {@code message} breaks its schema. */
    public static void check(String name, JsonNode message) {
        Set<ValidationMessage> p = problems(name, message);
        if (!p.isEmpty()) fail(name + ".schema.json: " + p + " in " + message);
    }

    /** A server message, checked against the schema its {@code type} names. */
    public static JsonNode server(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = n.path("type").asText();
        check(type.equals("pong") ? "ping" : type, n);
        return n;
    }
}
