package dev.unibar.flow;

import java.util.ResourceBundle;

/**
 * A flow file that cannot be run, with the file and line to fix: {@code flows/ucs/x.yml:12: problem}. The
 * message is English (the command line); {@link #text} reads the problem in another language (the bar).
 */
public final class FlowException extends Exception {

    private final String file;
    private final int line;
    private final Reason problem;

    public FlowException(String file, int line, Reason problem) {
        super(where(file, line) + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private static String where(String file, int line) {
        return file + (line > 0 ? ":" + line : "") + ": ";
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem.toString();
    }

    /** The whole message, its problem in the language of {@code words}. */
    public String text(ResourceBundle words) {
        return where(file, line) + problem.text(words);
    }
}
