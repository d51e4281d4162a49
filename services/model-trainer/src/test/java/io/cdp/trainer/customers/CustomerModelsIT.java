package io.cdp.trainer.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.customers.analytics.ClvModel;
import io.cdp.customers.analytics.CustomerBehaviour;
import io.cdp.customers.analytics.Segment;
import io.cdp.customers.analytics.SegmentModel;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.RawTransactions;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.trainer.TrainerApplication;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code ./cdp train segments} and {@code ./cdp train clv} against the emulator: a generated history extracted to the
 * lake as core banking writes it, both models trained, registered (segments promoted) and read back from the models
 * bucket the way customer-360 reads them.
 */
@AwsEmulatorTest
class CustomerModelsIT {

    private static int run(CdpResources names, AwsEmulator emulator, String... jobArguments) {
        List<String> args = new ArrayList<>(List.of(
                "--cdp.aws.endpoint=" + emulator.endpoint(),
                "--cdp.aws.namespace=" + names.namespace(),
                "--logging.structured.format.console="));
        args.addAll(List.of(jobArguments));
        return SpringApplication.exit(SpringApplication.run(TrainerApplication.class, args.toArray(String[]::new)));
    }

    private static byte[] artifact(AwsClients clients, ModelEntry entry) {
        URI uri = URI.create(entry.artifactUri());
        return clients.s3()
                .getObjectAsBytes(b -> b.bucket(uri.getHost()).key(uri.getPath().substring(1)))
                .asByteArray();
    }

    @Test
    void trainsRegistersAndReadsBackTheCustomerModels(AwsClients clients, CdpResources names, AwsEmulator emulator) {
        assertThat(run(names, emulator, "--cdp.trainer.job=train", "--cdp.trainer.source=segments"))
                .as("an empty lake is refused with what to do")
                .isEqualTo(2);

        List<TransactionRecordedV1> history = SyntheticCardHistory.takeovers(
                5,
                120,
                Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(200)),
                Duration.ofDays(200),
                1.5,
                0.01);
        clients.s3()
                .putObject(
                        b -> b.bucket(names.bucket(CdpResources.Bucket.LAKE))
                                .key(LakeLayout.rawTransactionsPartition(
                                                history.getFirst().transactionTime()) + "ext-1.parquet"),
                        RequestBody.fromBytes(RawTransactions.toParquet(history)));

        assertThat(run(
                        names,
                        emulator,
                        "--cdp.trainer.job=train",
                        "--cdp.trainer.source=segments",
                        "--cdp.trainer.promote=true"))
                .isZero();
        assertThat(run(names, emulator, "--cdp.trainer.job=train", "--cdp.trainer.source=clv"))
                .isZero();

        ModelRegistry segments =
                new ModelRegistry(clients.dynamoDb(), names.table(CdpResources.Table.MODELS), CustomerModels.SEGMENTS);
        ModelEntry live = segments.serving().orElseThrow();
        SegmentModel model = SegmentModel.fromJson(artifact(clients, live));
        assertThat(model.version()).isEqualTo(live.version());
        assertThat(model.fittedCustomers()).isPositive();
        assertThat(model.clusters()).isNotEmpty();
        Segment nobody = model.assign(
                CustomerBehaviour.of(List.of(), LocalDate.now(), LocalDate.now().minusDays(300)));
        assertThat(nobody.name()).isEqualTo("Lost");
        assertThat(nobody.modelVersion()).isEqualTo(live.version());

        ModelRegistry clv =
                new ModelRegistry(clients.dynamoDb(), names.table(CdpResources.Table.MODELS), CustomerModels.CLV);
        assertThat(clv.serving()).as("registered, not promoted").isEmpty();
        ModelEntry registered = clv.list().getFirst();
        ClvModel clvModel = ClvModel.read(artifact(clients, registered));
        assertThat(clvModel.version()).isEqualTo(registered.version());
        assertThat(clvModel.kind()).isEqualTo("xgboost");
        assertThat(clvModel.horizonDays()).isEqualTo(CustomerModels.CLV_HORIZON_DAYS);
        assertThat(registered.metrics().get("validation.spearman")).isGreaterThan(0.0);
        // the horizon factor is bounded by horizon / window (steady spenders once made BG/NBD's ratio explode)
        assertThat(clvModel.scale()).isBetween(0.01, 10.0);
        assertThat(clvModel.predictSpend(CustomerBehaviour.of(
                        List.of(), LocalDate.now(), LocalDate.now().minusDays(300))))
                .isGreaterThanOrEqualTo(0.0);
    }
}
