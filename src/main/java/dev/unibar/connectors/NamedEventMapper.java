package dev.unibar.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.model.Event;

import java.util.List;

/**
 * A mapper for a vendor whose every line is a JSON object naming its event in one text field ({@code eventName},
 * {@code callback}, {@code event}): the checks every such line needs, once; the vendor maps the named event.
 */
public abstract class NamedEventMapper implements VendorMapper {

    private final String vendor;
    private final String nameField;
    private final String unnamed;

    /** @param unnamed the reason a line without the name is malformed, as the vendor's captures record it */
    protected NamedEventMapper(String vendor, String nameField, String unnamed) {
        this.vendor = vendor;
        this.nameField = nameField;
        this.unnamed = unnamed;
    }

    @Override
    public final String vendor() {
        return vendor;
    }

    @Override
    public final List<Event> map(JsonNode line) throws MalformedCaptureException {
        if (line == null || !line.isObject()) throw new MalformedCaptureException("not a JSON object");
        JsonNode name = line.get(nameField);
        if (name == null || !name.isTextual() || name.asText().isBlank()) throw new MalformedCaptureException(unnamed);
        return map(name.asText(), line);
    }

    /** The named event (its name as the vendor wrote it) of an object line. */
    protected abstract List<Event> map(String name, JsonNode line) throws MalformedCaptureException;
}
