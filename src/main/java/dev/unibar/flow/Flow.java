package dev.unibar.flow;

import java.time.Duration;
import java.util.List;

/**
 * A call flow read from a YAML file (docs/flows.md): a name, the vendor it was written for, and its steps in
 * order. {@code source} is the file name used in messages and reports.
 */
public record Flow(String name, String vendor, String source, Duration timeout, List<Step> steps) {

    public Flow {
        steps = List.copyOf(steps);
    }
}
