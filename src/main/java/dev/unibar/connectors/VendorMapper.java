package dev.unibar.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.core.model.Event;
import dev.unibar.json.StrictJson;

import java.util.List;

/**
 * Turns one vendor capture line (docs/events.md, "Capture lines") into normalized events.
 * The live bar and the translate command call the same implementation.
 */
public interface VendorMapper {

    String vendor();

    /**
     * @throws MalformedCaptureException when the line is well-formed JSON of the wrong shape; a
     *         well-formed event the mapper does not know becomes {@code vendor.unmapped} instead
     */
    List<Event> map(JsonNode line) throws MalformedCaptureException;

    /** Parse (strictly, as the live bridge does: see {@link StrictJson}) and map one text line. */
    default List<Event> mapLine(String line) throws MalformedCaptureException {
        JsonNode node;
        try {
            node = StrictJson.read(line);
        } catch (StrictJson.Unreadable e) {
            throw new MalformedCaptureException("not JSON: " + e.getMessage());
        }
        if (!node.isObject()) throw new MalformedCaptureException("not a JSON object");
        return map(node);
    }
}
