package io.kinesisworkbook.lib.backend;

/**
 * A problem a learner can fix, told in one line that says what to do: an unreachable backend,
 * missing credentials, a cost guard. It carries no stack trace, so a notebook shows the sentence,
 * not forty lines of frames.
 */
public class WorkbookException extends RuntimeException {

    public WorkbookException(String message) {
        super(message, null, false, false);
    }

    public WorkbookException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
