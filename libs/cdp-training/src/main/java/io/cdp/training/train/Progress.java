package io.cdp.training.train;

/** Where a long training run reports how far it got. */
@FunctionalInterface
public interface Progress {

    void report(String message);

    /** Progress on standard error, so a command's standard output stays its result. */
    static Progress stderr() {
        return message -> System.err.println("trainer: " + message);
    }

    static Progress silent() {
        return message -> {};
    }
}
