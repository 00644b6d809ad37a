package dev.unibar.flow;

import dev.unibar.config.LocatedException;

import java.util.ResourceBundle;

/**
 * A flow file that cannot be run, with the file and line to fix: {@code flows/ucs/x.yml:12: problem}. The
 * message is English (the command line); {@link #text} reads the problem in another language (the bar).
 */
public final class FlowException extends LocatedException {

    private final Reason problem;

    public FlowException(String file, int line, Reason problem) {
        super(file, line, problem.toString());
        this.problem = problem;
    }

    @Override
    public String problem() {
        return problem.toString();
    }

    /** The whole message, its problem in the language of {@code words}. */
    public String text(ResourceBundle words) {
        return place(file(), line()) + problem.text(words);
    }
}
