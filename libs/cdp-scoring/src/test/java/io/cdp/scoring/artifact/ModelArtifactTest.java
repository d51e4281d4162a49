package io.cdp.scoring.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {

    static final String TINY_MODEL = """
            {"learner":{"attributes":{},"feature_names":["amount","night"],"feature_types":[],
             "gradient_booster":{"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"1"},
              "iteration_indptr":[0,1],"tree_info":[0],"trees":[{"base_weights":[0,-1,1],"categories":[],
              "categories_nodes":[],"categories_segments":[],"categories_sizes":[],"default_left":[1,0,0],"id":0,
              "left_children":[1,-1,-1],"loss_changes":[5,0,0],"parents":[2147483647,0,0],"right_children":[2,-1,-1],
              "split_conditions":[1E2,-1E0,1E0],"split_indices":[0,0,0],"split_type":[0,0,0],"sum_hessian":[4,3,1],
              "tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"3","size_leaf_vector":"1"}}]},
              "name":"gbtree"},
             "learner_model_param":{"base_score":"[5E-1]","boost_from_average":"1","num_class":"0",
              "num_feature":"2","num_target":"1"},
             "objective":{"name":"binary:logistic","reg_loss_param":{"scale_pos_weight":"1"}}},
             "version":[3,4,0]}
            """;

    static ArtifactMetadata metadata() {
        return new ArtifactMetadata(
                "v1",
                "fraud-test",
                List.of("amount", "night"),
                LocalDate.of(2018, 7, 25),
                LocalDate.of(2018, 7, 31),
                Map.of("validation.auc", 0.91),
                new Thresholds(0.2, 0.5, 0.9, "review at recall 0.8 on validation"),
                "ab".repeat(32),
                "3.4.0",
                Map.of("max_depth", "3"),
                Instant.parse("2026-11-23T10:00:00Z"));
    }

    static ModelArtifact artifact() {
        return new ModelArtifact(metadata(), TINY_MODEL.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsThroughADirectory(@TempDir Path dir) throws Exception {
        artifact().writeDirectory(dir.resolve("a"));
        assertThat(Files.exists(dir.resolve("a/model.json"))).isTrue();
        assertThat(Files.readString(dir.resolve("a/metadata.json")))
                .contains("\"modelVersion\" : \"v1\"")
                .contains("2018-07-25");
        assertThat(ModelArtifact.read(dir.resolve("a"))).isEqualTo(artifact());
    }

    @Test
    void roundTripsThroughAZip(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("a.zip");
        Files.write(zip, artifact().toZip());
        ModelArtifact back = ModelArtifact.read(zip);
        assertThat(back).isEqualTo(artifact());
        assertThat(back.metadata().thresholds().decide(0.6)).isEqualTo(Thresholds.Decision.ALERT);
    }

    @Test
    void theTinyModelScoresBySplittingOnAmount() {
        var ensemble = artifact().model().ensemble();
        // below the split: leaf -1; above: leaf +1; base margin logit(0.5) = 0
        assertThat(ensemble.predict(new double[] {50, 0})).isCloseTo(1 / (1 + Math.exp(1)), within());
        assertThat(ensemble.predict(new double[] {150, 0})).isCloseTo(1 / (1 + Math.exp(-1)), within());
        // missing amount takes the default (left) branch
        assertThat(ensemble.predict(new double[] {Double.NaN, 0})).isCloseTo(1 / (1 + Math.exp(1)), within());
    }

    @Test
    void refusesAModelWhoseWidthDisagreesWithTheMetadata() {
        ArtifactMetadata three = new ArtifactMetadata(
                "v1",
                "fraud-test",
                List.of("a", "b", "c"),
                LocalDate.of(2018, 7, 25),
                LocalDate.of(2018, 7, 31),
                Map.of(),
                new Thresholds(0.1, 0.2, 0.3, "x"),
                "0".repeat(64),
                "3.4.0",
                Map.of(),
                Instant.EPOCH);
        ModelArtifact bad = new ModelArtifact(three, TINY_MODEL.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(bad::model).isInstanceOf(IllegalStateException.class).hasMessageContaining("3");
    }

    @Test
    void thresholdsMustBeOrderedFromReviewToDecline() {
        assertThatThrownBy(() -> new Thresholds(0.5, 0.4, 0.9, "x")).isInstanceOf(IllegalArgumentException.class);
        Thresholds t = new Thresholds(0.2, 0.5, 0.9, "x");
        assertThat(t.decide(0.1)).isEqualTo(Thresholds.Decision.APPROVE);
        assertThat(t.decide(0.2)).isEqualTo(Thresholds.Decision.REVIEW);
        assertThat(t.decide(0.95)).isEqualTo(Thresholds.Decision.DECLINE);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-7);
    }
}
