package io.cdp.service.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of a service as an RFC 9457 problem document. Spring's defaults are kept for the standard MVC
 * exceptions (405, 406, 415 ...), except where their detail would echo a request value (type mismatches,
 * unreadable bodies): those name the field and say what is expected instead. Unexpected exceptions become a 500
 * with a reference id; the log line carries the reference and the exception type, not its message (which may
 * quote input).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(e.type());
        problem.setTitle(e.title());
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> handleInvalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(Problems.validation(e.errors()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    /**
     * A body declared as multipart but not parseable (no boundary, truncated) is the client's error, found by the
     * container before any controller runs: 400, not the 500 of an unexpected exception.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> handleMalformedMultipart(org.springframework.web.multipart.MultipartException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "The request body could not be read as the Content-Type it declares.");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    @Nullable
    ResponseEntity<ProblemDetail> handleUnexpected(
            Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (isStream(response)) {
            // a server-sent event stream whose client left (a closed tab, a new view): nothing can be written on it,
            // and trying to write a problem document with text/event-stream fails again and leaves Tomcat a request it
            // must recycle forcibly; the connection is done, so end it quietly
            log.debug(
                    "stream {} ended: {}", request.getRequestURI(), e.getClass().getSimpleName());
            if (!response.isCommitted()) {
                response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            }
            return null;
        }
        String reference = UUID.randomUUID().toString();
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        log.error("unexpected {} (reference {}) at {}", e.getClass().getName(), reference, at);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The request could not be completed. Reference: " + reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** A response that is already streaming (committed), or one that was to be a server-sent event stream. */
    static boolean isStream(HttpServletResponse response) {
        String type = response.getContentType();
        return response.isCommitted() || (type != null && type.startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError f : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(f.getField(), message(f)));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), message(g))));
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(err -> errors.add(new FieldProblem(
                            err instanceof FieldError f ? f.getField() : name == null ? "parameter" : name,
                            message(err))));
        });
        return ResponseEntity.badRequest().body(Problems.validation(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return ResponseEntity.badRequest()
                    .body(Problems.validation(List.of(new FieldProblem(field, "has the wrong type or format"))));
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "unreadable",
                "Unreadable request",
                "The request body is missing or is not valid JSON.");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m
                ? m.getName()
                : ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        return ResponseEntity.badRequest()
                .body(Problems.validation(List.of(new FieldProblem(field, "has the wrong type or format"))));
    }

    private static String message(MessageSourceResolvable error) {
        String m = error.getDefaultMessage();
        return m == null ? "is invalid" : m;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
