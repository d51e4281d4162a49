package io.cdp.pii.crypto;

import java.util.List;

/**
 * A decrypt or erase request refused for its input (unknown purpose, malformed ciphertext, a context the ciphertext
 * does not belong to, an unknown subject), after the refusal was audited. The problems name fields, never values.
 */
public final class PiiRequestRefusedException extends RuntimeException {

    /** One refused field: its name in the request and what is wrong with it. */
    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public PiiRequestRefusedException(List<Problem> problems) {
        super(problems.size() + " invalid field(s): "
                + problems.stream().map(Problem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
