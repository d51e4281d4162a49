package io.cdp.scoring.scorer;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * Scores through a SageMaker endpoint serving the artifact's {@code model.tar.gz} with the built-in XGBoost
 * container: one {@code InvokeEndpoint} per call, rows as {@code text/csv} (no header, features in model order,
 * an empty field for a missing value), one probability per row back. The client is owned by the caller, who
 * configures region, endpoint override and retries once for the whole application.
 */
public final class SageMakerScorer implements Scorer {

    static final String CONTENT_TYPE = "text/csv";

    private final SageMakerRuntimeClient client;
    private final String endpointName;
    private final String modelVersion;
    private final List<String> featureNames;

    public SageMakerScorer(
            SageMakerRuntimeClient client, String endpointName, String modelVersion, List<String> featureNames) {
        this.client = client;
        this.endpointName = endpointName;
        this.modelVersion = modelVersion;
        this.featureNames = List.copyOf(featureNames);
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public double score(double[] features) {
        return scoreBatch(new double[][] {features})[0];
    }

    @Override
    public double[] scoreBatch(double[][] rows) {
        InvokeEndpointResponse response = client.invokeEndpoint(InvokeEndpointRequest.builder()
                .endpointName(endpointName)
                .contentType(CONTENT_TYPE)
                .accept(CONTENT_TYPE)
                .body(SdkBytes.fromUtf8String(toCsv(rows)))
                .build());
        double[] scores = parseScores(response.body().asUtf8String());
        if (scores.length != rows.length) {
            throw new IllegalStateException(
                    "endpoint " + endpointName + " returned " + scores.length + " scores for " + rows.length + " rows");
        }
        return scores;
    }

    String toCsv(double[][] rows) {
        StringBuilder csv = new StringBuilder(rows.length * featureNames.size() * 8);
        for (double[] row : rows) {
            if (row.length != featureNames.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.length + " values, the model expects " + featureNames.size());
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                // XGBoost narrows inputs to float; printing the float keeps the request short and exact
                if (!Double.isNaN(row[i])) {
                    csv.append((float) row[i]);
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** The container answers one score per row, separated by commas or newlines depending on its version. */
    static double[] parseScores(String body) {
        List<Double> values = new ArrayList<>();
        for (String token : body.strip().split("[,\\n\\r]+")) {
            String t = token.strip();
            if (!t.isEmpty()) {
                try {
                    values.add(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("endpoint answered a non-numeric score '" + t + "'", e);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
