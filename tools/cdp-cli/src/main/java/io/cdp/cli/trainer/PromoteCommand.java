package io.cdp.cli.trainer;

import io.cdp.aws.AwsClients;
import io.cdp.cli.CliAws;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoring.registry.ModelStatus;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./cdp promote VERSION | --latest}: makes a registered version live in the registry (the version before it is
 * retired); every scorer follows within its refresh interval. The scoring API's promotion endpoint does the same
 * with an audit of who asked.
 */
@Command(
        name = "promote",
        description = "Make a registered model version live (VERSION | --latest | --rollback: the version live before)"
                + " [--model NAME]")
public final class PromoteCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", description = "the version to promote")
    @Nullable
    String version;

    @Option(names = "--latest", description = "the newest REGISTERED version")
    boolean latest;

    @Option(names = "--rollback", description = "promote again the version that served before the live one")
    boolean rollback;

    @Option(names = "--model", description = "model family (default: the online card model)")
    String model = OnlineFeatures.MODEL_NAME;

    @Override
    public Integer call() {
        if ((version != null ? 1 : 0) + (latest ? 1 : 0) + (rollback ? 1 : 0) != 1) {
            System.err.println("cdp: promote: give a VERSION, --latest or --rollback");
            return 2;
        }
        AwsClients aws = CliAws.clients();
        CdpResources names = CliAws.names();
        ModelRegistry registry = new ModelRegistry(aws.dynamoDb(), names.table(CdpResources.Table.MODELS), model);
        if (rollback) {
            try {
                ModelEntry back = registry.rollback(Instant.now());
                System.out.printf("rolled back: %s %s serves again%n", back.modelName(), back.version());
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("cdp: promote: " + e.getMessage());
                return 1;
            }
        }
        String chosen = version;
        if (latest) {
            chosen = registry.list().stream()
                    .filter(e -> e.status() == ModelStatus.REGISTERED)
                    .findFirst()
                    .map(ModelEntry::version)
                    .orElse(null);
            if (chosen == null) {
                System.err.println("cdp: promote: no REGISTERED version of " + model + " in namespace '"
                        + names.namespace() + "'; train one with './cdp train'");
                return 1;
            }
        }
        ModelEntry live = registry.promote(chosen, Instant.now());
        System.out.printf(
                "promoted %s %s (validation auc=%s): it serves now%n",
                live.modelName(), live.version(), live.metrics().get("validation.auc"));
        return 0;
    }
}
