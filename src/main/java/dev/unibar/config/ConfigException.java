package dev.unibar.config;

/**
 * A configuration the bar cannot start with. The message always reads {@code file:line: key.path: problem}
 * (line and key left out only where there is none, e.g. a missing file) so an editor can jump to it.
 */
public class ConfigException extends LocatedException {

    private final String key;
    private final String problem;

    public ConfigException(String file, int line, String key, String problem) {
        super(file, line, (key == null ? "" : key + ": ") + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The dotted key path, or null. */
    public String key() {
        return key;
    }

    @Override
    public String problem() {
        return problem;
    }
}
