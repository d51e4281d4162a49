package io.cdp.events.codec;

/**
 * One thing wrong with an event: where (a JSON path such as {@code $.payload.amount}) and what. Messages
 * never echo field values, so an error about a PII-bearing field cannot leak it into a log.
 */
public record FieldError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
