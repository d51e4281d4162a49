package io.cdp.events.codec;

import java.util.List;
import java.util.stream.Collectors;

/** An event that does not satisfy its contract; {@link #errors()} names every offending field or type. */
public class EventValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public EventValidationException(List<FieldError> errors) {
        super("invalid event: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
