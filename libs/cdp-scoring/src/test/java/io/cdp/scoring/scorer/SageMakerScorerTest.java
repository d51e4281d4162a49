package io.cdp.scoring.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

class SageMakerScorerTest {

    /** Records requests and answers a fixed body, as the built-in XGBoost container would. */
    static final class FakeRuntime implements SageMakerRuntimeClient {
        final List<InvokeEndpointRequest> requests = new ArrayList<>();
        final String answer;

        FakeRuntime(String answer) {
            this.answer = answer;
        }

        @Override
        public InvokeEndpointResponse invokeEndpoint(InvokeEndpointRequest request) {
            requests.add(request);
            return InvokeEndpointResponse.builder()
                    .contentType("text/csv")
                    .body(SdkBytes.fromUtf8String(answer))
                    .build();
        }

        @Override
        public String serviceName() {
            return "sagemaker";
        }

        @Override
        public void close() {}
    }

    @Test
    void sendsRowsAsHeaderlessCsvWithEmptyFieldsForMissingValues() {
        FakeRuntime runtime = new FakeRuntime("0.25\n0.75\n");
        SageMakerScorer scorer = new SageMakerScorer(runtime, "fraud-endpoint", "v7", List.of("a", "b", "c"));
        double[] scores = scorer.scoreBatch(new double[][] {{1.5, Double.NaN, 3}, {0, 2.25, -1}});
        assertThat(scores).containsExactly(0.25, 0.75);
        InvokeEndpointRequest request = runtime.requests.getFirst();
        assertThat(request.endpointName()).isEqualTo("fraud-endpoint");
        assertThat(request.contentType()).isEqualTo("text/csv");
        assertThat(request.body().asUtf8String()).isEqualTo("1.5,,3.0\n0.0,2.25,-1.0\n");
    }

    @Test
    void acceptsCommaSeparatedAnswersOfOlderContainers() {
        assertThat(SageMakerScorer.parseScores("0.1,0.2,0.3")).containsExactly(0.1, 0.2, 0.3);
    }

    @Test
    void failsWhenTheEndpointAnswersFewerScoresThanRows() {
        SageMakerScorer scorer = new SageMakerScorer(new FakeRuntime("0.5"), "e", "v1", List.of("a"));
        assertThatThrownBy(() -> scorer.scoreBatch(new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 scores for 2 rows");
    }

    @Test
    void failsOnANonNumericAnswer() {
        SageMakerScorer scorer = new SageMakerScorer(new FakeRuntime("oops"), "e", "v1", List.of("a"));
        assertThatThrownBy(() -> scorer.score(new double[] {1})).isInstanceOf(IllegalStateException.class);
    }
}
