package io.cdp.service.problem;

/**
 * One invalid field of a request.
 *
 * @param field   the field's path in the request, e.g. {@code transactions[3].amount}
 * @param message what is wrong, never the value itself
 */
public record FieldProblem(String field, String message) {}
