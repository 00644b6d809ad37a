package dev.unibar.flow;

/** A flow file that cannot be run, with the file and line to fix: {@code flows/ucs/x.yml:12: problem}. */
public final class FlowException extends Exception {

    private final String file;
    private final int line;
    private final String problem;

    public FlowException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
