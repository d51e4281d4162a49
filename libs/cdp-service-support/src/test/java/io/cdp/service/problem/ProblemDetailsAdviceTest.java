package io.cdp.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void anUnexpectedErrorIsA500ProblemWithAReference() {
        ResponseEntity<ProblemDetail> answer = advice.handleUnexpected(
                new IllegalStateException("secret input"),
                new MockHttpServletRequest("GET", "/v1/x"),
                new MockHttpServletResponse());

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getDetail()).startsWith("The request could not be completed. Reference: ");
        assertThat(answer.getBody().getDetail()).doesNotContain("secret input");
    }

    @Test
    void anEventStreamWhoseClientLeftGetsNoProblemDocumentWrittenOnIt() {
        MockHttpServletResponse stream = new MockHttpServletResponse();
        stream.setContentType("text/event-stream");

        assertThat(advice.handleUnexpected(
                        new IllegalStateException("ResponseBodyEmitter has already completed"),
                        new MockHttpServletRequest("GET", "/console/api/feed"),
                        stream))
                .isNull();
        assertThat(stream.getStatus()).isEqualTo(500);
    }

    @Test
    void aCommittedResponseIsLeftAlone() throws Exception {
        MockHttpServletResponse committed = new MockHttpServletResponse();
        committed.setContentType("application/json");
        committed.getWriter().write("[1,");
        committed.flushBuffer();

        assertThat(advice.handleUnexpected(new IllegalStateException("late"), new MockHttpServletRequest(), committed))
                .isNull();
        assertThat(committed.getStatus()).isEqualTo(200);
    }
}
