package io.cdp.trainer.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoring.registry.ModelStatus;
import io.cdp.trainer.TrainerApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The trainer as a batch application against the emulator: one job per run, its status as the exit code. */
@AwsEmulatorTest
class TrainerJobsIT {

    private static int run(CdpResources names, AwsEmulator emulator, String... jobArguments) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--cdp.aws.endpoint=" + emulator.endpoint(),
                "--cdp.aws.namespace=" + names.namespace(),
                "--logging.structured.format.console=",
                "--cdp.trainer.cards=120"));
        args.addAll(List.of(jobArguments));
        ConfigurableApplicationContext context =
                SpringApplication.run(TrainerApplication.class, args.toArray(String[]::new));
        return SpringApplication.exit(context);
    }

    @Test
    void trainRegistersASyntheticModelThatServesOnlyOncePromoted(
            AwsClients clients, CdpResources names, AwsEmulator emulator) {
        ModelRegistry registry = new ModelRegistry(
                clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);

        assertThat(run(names, emulator, "--cdp.trainer.job=train", "--cdp.trainer.source=synthetic"))
                .isZero();
        List<ModelEntry> registered = registry.list();
        assertThat(registered).hasSize(1).allSatisfy(e -> assertThat(e.status()).isEqualTo(ModelStatus.REGISTERED));
        assertThat(registry.serving()).as("a REGISTERED version never serves").isEmpty();
        String key = registered
                .getFirst()
                .artifactUri()
                .replace("s3://" + names.bucket(CdpResources.Bucket.MODELS) + "/", "");
        assertThat(clients.s3()
                        .headObject(b -> b.bucket(names.bucket(CdpResources.Bucket.MODELS))
                                .key(key))
                        .contentLength())
                .isPositive();

        assertThat(run(
                        names,
                        emulator,
                        "--cdp.trainer.job=train",
                        "--cdp.trainer.seed=18",
                        "--cdp.trainer.promote=true"))
                .isZero();
        assertThat(registry.list()).hasSize(2);
        assertThat(registry.serving())
                .get()
                .extracting(ModelEntry::version)
                .isNotEqualTo(registered.getFirst().version());
    }

    @Test
    void anUnknownJobOrAMissingInputEndsWithStatusTwo(CdpResources names, AwsEmulator emulator) {
        assertThat(run(names, emulator, "--cdp.trainer.job=retrain")).isEqualTo(2);
        assertThat(run(names, emulator, "--cdp.trainer.job=evaluate")).isEqualTo(2);
        assertThat(run(names, emulator, "--cdp.trainer.job=publish")).isEqualTo(2);
        assertThat(run(names, emulator, "--cdp.trainer.job=train", "--cdp.trainer.source=lake"))
                .isEqualTo(2);
    }
}
