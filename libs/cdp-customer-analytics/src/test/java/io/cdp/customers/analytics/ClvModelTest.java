package io.cdp.customers.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

class ClvModelTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Test
    void runRateIsSpendPerObservedDayTimesTheHorizon() {
        ClvModel model = ClvModel.runRate("rr-1", 100, 1.0);
        CustomerBehaviour b =
                CustomerBehaviour.of(List.of(new DailySpend(AS_OF.minusDays(5), 1, 50.0)), AS_OF, AS_OF.minusDays(49));
        // 50 over 50 observed days, times 100 days
        assertThat(model.predictSpend(b)).isCloseTo(100.0, within(1e-9));
        ClvModel read = ClvModel.read(model.write());
        assertThat(read.kind()).isEqualTo("run-rate");
        assertThat(read.predictSpend(b)).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void anXgboostModelPredictsWhatXgboostPredictsAndSurvivesItsArtifact() throws Exception {
        Random random = new Random(3);
        List<CustomerBehaviour> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        for (int c = 0; c < 400; c++) {
            List<DailySpend> days = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                days.add(new DailySpend(AS_OF.minusDays(random.nextInt(200)), 1, 10 + random.nextInt(40)));
            }
            CustomerBehaviour b = CustomerBehaviour.of(days, AS_OF, AS_OF.minusDays(300));
            rows.add(b);
            labels.add((float) (b.monetary() * 0.5 + (b.recencyDays() < 30 ? 20 : 0)));
        }
        int f = CustomerBehaviour.FEATURE_NAMES.size();
        float[] data = new float[rows.size() * f];
        float[] label = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.get(i).features();
            for (int j = 0; j < f; j++) {
                data[i * f + j] = (float) x[j];
            }
            label[i] = labels.get(i);
        }
        DMatrix matrix = new DMatrix(data, rows.size(), f, Float.NaN);
        matrix.setLabel(label);
        Booster booster = XGBoost.train(
                matrix,
                Map.of("objective", "reg:squarederror", "max_depth", 3, "eta", 0.3, "nthread", 1),
                30,
                Map.of(),
                null,
                null);
        float[][] expected = booster.predict(matrix);
        byte[] json = booster.toByteArray("json");

        ClvModel model = ClvModel.xgboost("clv-test-1", 273, ClvModel.Target.SPEND, 2.0, json);
        ClvModel read = ClvModel.read(model.write());
        assertThat(read.version()).isEqualTo("clv-test-1");
        assertThat(read.horizonDays()).isEqualTo(273);
        assertThat(read.kind()).isEqualTo("xgboost");
        for (int i = 0; i < rows.size(); i++) {
            double want = Math.max(0, expected[i][0]) * 2.0;
            assertThat(read.predictSpend(rows.get(i))).isCloseTo(want, within(1e-4));
        }
        matrix.dispose();
        booster.dispose();
    }

    @Test
    void refusesForeignArtifacts() {
        assertThatThrownBy(() -> ClvModel.read("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        String otherFeatures = "{\"format\":\"cdp-customer-clv/1\",\"kind\":\"run-rate\",\"featureNames\":[\"x\"],"
                + "\"version\":\"v\",\"horizonDays\":10,\"scale\":1,\"target\":\"spend\"}";
        assertThatThrownBy(() -> ClvModel.read(otherFeatures.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> ClvModel.runRate("v", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
