package io.cdp.service.problem;

import java.util.List;

/** Field errors a service finds beyond bean validation (cross-field rules, limits): answered as a 400 problem. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(List<FieldProblem> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
