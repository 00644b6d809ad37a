package dev.unibar.config;

/**
 * A configuration the bar cannot start with. The message always reads {@code file:line: key.path: problem}
 * (line and key left out only where there is none, e.g. a missing file) so an editor can jump to it.
 */
public class ConfigException extends Exception {

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    public ConfigException(String file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        b.append(": ");
        if (key != null) b.append(key).append(": ");
        return b.append(problem).toString();
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem has no line. */
    public int line() {
        return line;
    }

    /** The dotted key path, or null. */
    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
