package io.cdp.service.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * An error a service decides to answer with a specific status, e.g. 413 for a batch over the limit or 409 for a
 * model that cannot be promoted. The detail is written by the service and must not contain request values.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return Problems.type(type);
    }

    public String title() {
        return title;
    }
}
