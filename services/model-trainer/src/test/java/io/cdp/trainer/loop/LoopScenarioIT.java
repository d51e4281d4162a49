package io.cdp.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoring.registry.ModelStatus;
import io.cdp.training.train.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The closed loop on small generated data with the real registry on the emulator: a new fraud pattern the champion
 * misses is caught after the label delay by a challenger retrained on the answers and chargebacks, the policy shadows
 * then promotes it, and recall on the pattern rises; the same history without the pattern leaves the champion serving. Each
 * scenario gets its own registry namespace so the two cannot see each other's versions.
 */
@AwsEmulatorTest
class LoopScenarioIT {

    private static final long SEED = 7;
    private static final int CARDS = 220;

    private static LoopScenario.Result play(AwsClients clients, CdpResources names, int patternDay, StringBuilder log) {
        LoopScenario.Settings settings =
                LoopEvaluation.settings(SEED, CARDS, 2.5, patternDay, 3, LoopEvaluation.RETRAIN);
        LoopScenario.Result result = new LoopScenario(
                        clients.s3(),
                        clients.dynamoDb(),
                        names.bucket(CdpResources.Bucket.MODELS),
                        names.table(CdpResources.Table.MODELS))
                .play(settings, Progress.silent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoopEvaluation.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), settings, names, result);
        log.append(bytes.toString(StandardCharsets.UTF_8));
        System.out.println(log);
        return result;
    }

    @Test
    void aNewPatternIsCaughtAfterTheLabelDelayAndTheChallengerIsPromoted(AwsClients clients) {
        CdpResources names = isolated(clients, "pattern");
        StringBuilder log = new StringBuilder();
        LoopScenario.Result result = play(clients, names, 31, log);

        assertThat(result.promoted()).as(log::toString).isTrue();
        assertThat(result.recallBefore()).as(log::toString).isLessThan(0.3);
        assertThat(result.recallAfter()).as(log::toString).isGreaterThan(result.recallBefore() + 0.3);
        assertThat(result.daysToRecover())
                .as("no recovery before the label delay has passed twice (labels, then a fully labelled week)")
                .isGreaterThan(14);

        ModelRegistry registry = new ModelRegistry(
                clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
        ModelEntry live = registry.serving().orElseThrow();
        assertThat(live.version()).isEqualTo(result.promotedVersion());
        List<Map<String, String>> decisions = registry.decisions(live.version());
        // it shadowed the champion first (the policy's 7 days), then a later retraining measured it again and
        // promoted it
        List<Map<String, String>> aboutIt = decisions.stream()
                .filter(d -> live.version().equals(d.get("challenger")))
                .toList();
        assertThat(aboutIt).as(log::toString).hasSize(2);
        assertThat(aboutIt.getFirst())
                .containsEntry("verdict", "SHADOW")
                .containsEntry("promoted", "false")
                .containsEntry("shadowDays", "7")
                .containsKeys("champion.ap", "challenger.recall_at_alert", "report");
        assertThat(aboutIt.getLast())
                .containsEntry("verdict", "PROMOTE")
                .containsEntry("promoted", "true")
                .containsKeys("champion.ap", "challenger.recall_at_alert", "shadowedDays");
        assertThat(Integer.parseInt(aboutIt.getLast().get("shadowedDays"))).isGreaterThanOrEqualTo(7);
        Map<String, String> lineage = registry.note(live.version(), "lineage");
        assertThat(lineage).containsKeys("dataWindow", "evaluationWeek", "featureSet", "codeVersion", "labelsAsOf");
        ModelEntry champion = registry.get(lineage.get("challenged")).orElseThrow();
        assertThat(champion.status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(registry.note(champion.version(), "drift")).containsKeys("status", "psiMax", "scorePsi");

        // instant rollback through the one promotion path: the champion serves again
        registry.rollback(java.time.Instant.now());
        assertThat(registry.serving().orElseThrow().version()).isEqualTo(champion.version());
    }

    @Test
    void withoutTheNewPatternTheChampionStays(AwsClients clients) {
        CdpResources names = isolated(clients, "steady");
        StringBuilder log = new StringBuilder();
        LoopScenario.Result result = play(clients, names, -1, log);

        assertThat(result.promoted()).as(log::toString).isFalse();
        assertThat(result.steps()).as(log::toString).hasSize(3);
        ModelRegistry registry = new ModelRegistry(
                clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
        ModelEntry live = registry.serving().orElseThrow();
        assertThat(registry.decisions(live.version()))
                .hasSize(3)
                .allSatisfy(d -> assertThat(d).containsEntry("verdict", "KEEP_CHAMPION"));
        assertThat(registry.list().stream().filter(e -> e.status() == ModelStatus.REGISTERED))
                .hasSize(3);
    }

    private static CdpResources isolated(AwsClients clients, String label) {
        // a namespace per run as well as per scenario: registry versions of an earlier run must not count here
        CdpResources names = CdpResources.forTest(LoopScenarioIT.class.getName() + label + System.nanoTime());
        new io.cdp.aws.bootstrap.ResourceBootstrap(clients, names).createAll();
        return names;
    }
}
