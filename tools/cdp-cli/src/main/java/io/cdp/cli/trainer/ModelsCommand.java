package io.cdp.cli.trainer;

import io.cdp.aws.AwsClients;
import io.cdp.cli.CliAws;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./cdp models [--model NAME] [--live]}: the registry's versions of a model family, newest first, with their
 * status. {@code --live} prints only the version that serves and exits 3 when none does, so a script can ask "is a
 * model live?" ({@code ./cdp up} trains one when not).
 */
@Command(name = "models", description = "The model registry: versions and status ([--model NAME] [--live])")
public final class ModelsCommand implements Callable<Integer> {

    /** Exit code of {@code --live} when no version serves: distinct from a failure (1) and a usage error (2). */
    static final int NONE_LIVE = 3;

    @Option(names = "--model", description = "model family (default: the online card model)")
    String model = OnlineFeatures.MODEL_NAME;

    @Option(names = "--live", description = "only the serving version; exit 3 when none serves")
    boolean live;

    @Override
    public Integer call() {
        AwsClients aws = CliAws.clients();
        CdpResources names = CliAws.names();
        ModelRegistry registry = new ModelRegistry(aws.dynamoDb(), names.table(CdpResources.Table.MODELS), model);
        List<ModelEntry> entries = registry.list();
        Optional<ModelEntry> serving = ModelRegistry.serving(entries);
        if (live) {
            if (serving.isEmpty()) {
                System.err.println("cdp: no live version of " + model + " in namespace '" + names.namespace() + "'");
                return NONE_LIVE;
            }
            System.out.println(serving.get().version());
            return 0;
        }
        System.out.printf("| model | version | status | validation auc |%n|---|---|---|---|%n");
        for (ModelEntry e : entries) {
            System.out.printf(
                    "| %s | %s | %s | %s |%n",
                    e.modelName(),
                    e.version(),
                    e.status(),
                    Optional.ofNullable(e.metrics().get("validation.auc"))
                            .map(auc -> String.format(java.util.Locale.ROOT, "%.4f", auc))
                            .orElse("n/a"));
        }
        if (entries.isEmpty()) {
            System.err.println("cdp: no version of " + model + " in namespace '" + names.namespace()
                    + "'; train one with './cdp train'");
        }
        return 0;
    }
}
