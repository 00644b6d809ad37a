package dev.unibar.config;

/**
 * A problem at a place in a file the user wrote (configuration, flow): its message starts with
 * {@code file:line: } (the line left out where there is none) so an editor can jump to it.
 */
public abstract class LocatedException extends Exception {

    private final String file;
    private final int line;

    protected LocatedException(String file, int line, String afterPlace) {
        super(place(file, line) + afterPlace);
        this.file = file;
        this.line = line;
    }

    /** {@code file:line: }, or {@code file: } for line 0. */
    protected static String place(String file, int line) {
        return file + (line > 0 ? ":" + line : "") + ": ";
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem has no line. */
    public int line() {
        return line;
    }

    /** What is wrong, without the place. */
    public abstract String problem();
}
