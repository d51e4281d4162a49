package io.cdp.service.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the suite's problem documents: one type URI namespace, field errors under {@code errors}. */
public final class Problems {

    public static final String TYPE_BASE = "https://problems.cdp.io/";

    private Problems() {}

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail validation(List<FieldProblem> errors) {
        ProblemDetail problem = of(
                HttpStatusCode.valueOf(400),
                "validation",
                "Invalid request",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return problem;
    }
}
