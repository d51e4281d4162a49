package io.cdp.cli;

import io.cdp.cli.aws.InventoryMain;
import io.cdp.cli.aws.ResourceBootstrapMain;
import io.cdp.cli.corebanking.ChargebacksMain;
import io.cdp.cli.corebanking.ExtractMain;
import io.cdp.cli.corebanking.HandbookLoadMain;
import io.cdp.cli.corebanking.LoadMain;
import io.cdp.cli.corebanking.PiiAdminMain;
import io.cdp.cli.corebanking.PiiBenchMain;
import io.cdp.cli.datagen.DatagenBenchMain;
import io.cdp.cli.datagen.DatagenMain;
import io.cdp.cli.demo.DemoAnswersCommand;
import io.cdp.cli.demo.DemoSummaryCommand;
import io.cdp.cli.features.CheckHandbookMain;
import io.cdp.cli.profiles.ProfilesBackfillCommand;
import io.cdp.cli.scoring.ApiBenchMain;
import io.cdp.cli.scoring.FuzzMain;
import io.cdp.cli.scoring.OpenApiExportMain;
import io.cdp.cli.scoring.TokenMain;
import io.cdp.cli.sql.SqlCommand;
import io.cdp.cli.stream.LiveOutcomeCommand;
import io.cdp.cli.stream.StreamBenchMain;
import io.cdp.cli.trainer.BackfillCommand;
import io.cdp.cli.trainer.ModelsCommand;
import io.cdp.cli.trainer.PromoteCommand;
import io.cdp.cli.trainer.RetrainCommand;
import io.cdp.cli.trainer.TrainCommand;
import io.cdp.scoring.bench.ScoringBenchMain;
import io.cdp.scoring.bench.StoreClientBenchMain;
import io.cdp.trainer.clv.ClvEvaluation;
import io.cdp.trainer.eval.HandbookEvaluation;
import io.cdp.trainer.loop.LoopEvaluation;
import io.cdp.trainer.online.OnlineEvaluation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./cdp <command> [<sub>] [options]}: the developer command line. Each leaf names its tool and says in one
 * line what it does; the tool parses its own options (its usage says them), so a leaf passes every argument on.
 * {@code ./cdp help} lists every command.
 */
@Command(
        name = "cdp",
        description = "The CDP suite's developer commands (benchmarks, generators, loaders, evaluations,"
                + " tokens, fuzzing). './cdp help' lists them; the services themselves never contain these.",
        subcommands = {
            CdpCli.Datagen.class,
            CdpCli.Load.class,
            CdpCli.Extract.class,
            CdpCli.ChargebacksTool.class,
            CdpCli.Pii.class,
            CdpCli.Features.class,
            CdpCli.CustomerProfiles.class,
            TrainCommand.class,
            RetrainCommand.class,
            PromoteCommand.class,
            ModelsCommand.class,
            CdpCli.Eval.class,
            SqlCommand.class,
            CdpCli.Token.class,
            CdpCli.OpenApi.class,
            CdpCli.Fuzz.class,
            CdpCli.Bench.class,
            CdpCli.Aws.class,
            CdpCli.DemoSteps.class
        })
public final class CdpCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, configured as {@code ./cdp} runs it: a tool's own options pass through to it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CdpCli());
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("cdp: " + command.getCommandName() + ": " + e);
            return 1;
        });
        return cli;
    }

    /** Without a command: every command with its one-line description. */
    @Override
    public Integer call() {
        printCommands(spec.commandLine(), new PrintWriter(System.out, true));
        return 0;
    }

    /** One line per leaf command: {@code <path>  <description>}, in the order the tree declares them. */
    public static void printCommands(CommandLine root, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        collect(root, "", rows);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.printf("  %-" + width + "s  %s%n", row[0], row[1]);
        }
        out.flush();
    }

    private static void collect(CommandLine command, String prefix, List<String[]> rows) {
        Map<String, CommandLine> subcommands = command.getSubcommands();
        if (subcommands.isEmpty()) {
            String[] description = command.getCommandSpec().usageMessage().description();
            rows.add(new String[] {prefix.strip(), description.length == 0 ? "" : description[0]});
            return;
        }
        subcommands.forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, prefix + " " + name, rows);
            }
        });
    }

    /** A leaf that hands every argument to a tool's {@code main}. */
    abstract static class Tool implements Callable<Integer> {

        // picocli answers this itself (the usage, exit 0) and never calls the tool: the tools read their options
        // themselves and ignore what they do not know, so without it `bench api --help` ran the whole benchmark
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "this command's usage; the tool does not run")
        boolean help;

        @Parameters(arity = "0..*", paramLabel = "ARG", description = "the tool's own options")
        List<String> args = new ArrayList<>();

        abstract void run(String[] args) throws Exception;

        @Override
        public Integer call() throws Exception {
            run(args.toArray(String[]::new));
            return 0;
        }
    }

    /** A command that only groups others: without a sub-command it lists them. */
    abstract static class Group implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            System.err.println("cdp: '" + spec.qualifiedName() + "' needs a sub-command:");
            printCommands(spec.commandLine(), new PrintWriter(System.err, true));
            return 2;
        }
    }

    @Command(
            name = "datagen",
            description =
                    "Generate TabFormer-format users, cards and transactions with labelled "
                            + "fraud scenarios, byte-identical for a seed (--out DIR [--users N] [--seed S] [--days D] [--start DATE] [--fraud-boost K])")
    static final class Datagen extends Tool {
        @Override
        void run(String[] args) throws Exception {
            DatagenMain.main(args);
        }
    }

    @Command(
            name = "load",
            description = "Load data into the core-banking system of record",
            subcommands = {Load.TabFormer.class, Load.Handbook.class})
    static final class Load extends Group {

        @Command(
                name = "tabformer",
                description = "Load TabFormer CSVs into DynamoDB through the PII protection; "
                        + "rejects go to a report with line numbers (--data DIR [--rejects FILE])")
        static final class TabFormer extends Tool {
            @Override
            void run(String[] args) throws Exception {
                LoadMain.main(args);
            }
        }

        @Command(
                name = "handbook",
                description = "Load the Fraud-Detection-Handbook's daily CSVs into the core "
                        + "transactions table (--data DIR [--from DATE] [--to DATE])")
        static final class Handbook extends Tool {
            @Override
            void run(String[] args) throws Exception {
                HandbookLoadMain.main(args);
            }
        }
    }

    @Command(
            name = "extract",
            description =
                    "Extract from core banking: the live share to Kinesis in event-time "
                            + "order, the history to the Parquet lake ([--live-share F] [--speed max|N] [--stream-only|--lake-only])")
    static final class Extract extends Tool {
        @Override
        void run(String[] args) throws Exception {
            ExtractMain.main(args);
        }
    }

    @Command(
            name = "chargebacks",
            description = "Report the chargebacks that have come due in core banking to the lake as label evidence"
                    + " for ./cdp retrain ([--rate 0.8] [--min-days 2] [--max-days 30])")
    static final class ChargebacksTool extends Tool {
        @Override
        void run(String[] args) throws Exception {
            ChargebacksMain.main(args);
        }
    }

    @Command(
            name = "pii",
            description =
                    "Core-zone PII administration: erase a customer (crypto-shredding, audited), "
                            + "rotate the KMS master key, list/rotate/retire the versioned token keys "
                            + "(erase --customer ID --purpose WHY | rotate --to KEY | token-keys list|rotate|retire --version N)")
    static final class Pii extends Tool {
        @Override
        void run(String[] args) throws Exception {
            PiiAdminMain.main(args);
        }
    }

    @Command(
            name = "features",
            description = "Feature checks and the feature store",
            subcommands = {Features.CheckHandbook.class, BackfillCommand.class})
    static final class Features extends Group {

        @Command(
                name = "check-handbook",
                description = "Our handbook features against the handbook's own, the "
                        + "largest difference per column (--data DIR with handbook-raw/ and handbook-transformed/)")
        static final class CheckHandbook extends Tool {
            @Override
            void run(String[] args) throws Exception {
                CheckHandbookMain.main(args);
            }
        }
    }

    @Command(
            name = "eval",
            description = "Model evaluations",
            subcommands = {
                Eval.Handbook.class,
                Eval.Online.class,
                Eval.Clv.class,
                LiveOutcomeCommand.class,
                Eval.Loop.class
            })
    static final class Eval extends Group {

        @Command(
                name = "handbook",
                description = "The handbook's Chapter 3 protocol with our features and trainer, "
                        + "ours beside the published results (--data DIR [--folds N] [--validation-only])")
        static final class Handbook implements Callable<Integer> {

            @Parameters(arity = "0..*", paramLabel = "ARG", description = "the evaluation's options")
            List<String> args = new ArrayList<>();

            @Override
            public Integer call() throws Exception {
                return HandbookEvaluation.run(args.toArray(String[]::new));
            }
        }

        @Command(
                name = "clv",
                description = "Customer lifetime value, the standard protocol: our gradient-boosted model beside the"
                        + " calibration-spend and BG/NBD + Gamma-Gamma baselines (--data FILE [--format cdnow|csv]"
                        + " [--calibration-end D] [--holdout-end D] [--validation-only] [--model-out FILE])")
        static final class Clv implements Callable<Integer> {

            @Parameters(arity = "0..*", paramLabel = "ARG", description = "the evaluation's options")
            List<String> args = new ArrayList<>();

            @Override
            public Integer call() throws Exception {
                return ClvEvaluation.run(args.toArray(String[]::new));
            }
        }

        @Command(
                name = "loop",
                description = "The closed loop on generated data with a new fraud pattern from day D: the live model"
                        + " misses it, answers and chargebacks become labels, a retrained challenger is promoted;"
                        + " registry of its own on the emulator ([--no-new-pattern] [--seed S] [--cards N]"
                        + " [--pattern-day D] [--margin M])")
        static final class Loop implements Callable<Integer> {

            @Parameters(arity = "0..*", paramLabel = "ARG", description = "the evaluation's options")
            List<String> args = new ArrayList<>();

            @Override
            public Integer call() {
                return LoopEvaluation.run(args.toArray(String[]::new), CliAws.clients(), System.out);
            }
        }

        @Command(
                name = "online",
                description = "The live model's pipeline (stream features, XGBoost4J, thresholds for a share alerted)"
                        + " with a temporal split on TabFormer-format data: AUC, AP, CP@100 by day, alert rate,"
                        + " precision, recall (--data FILE|DIR | --generate-users N) [--test-from DATE]")
        static final class Online implements Callable<Integer> {

            @Parameters(arity = "0..*", paramLabel = "ARG", description = "the evaluation's options")
            List<String> args = new ArrayList<>();

            @Override
            public Integer call() throws Exception {
                return OnlineEvaluation.run(args.toArray(String[]::new));
            }
        }
    }

    @Command(
            name = "token",
            description = "A development JWT for the local profile, signed with .cdp/dev-jwt.key "
                    + "([--scope S]... [--ttl MINUTES] [--subject NAME])")
    static final class Token extends Tool {
        @Override
        void run(String[] args) throws Exception {
            TokenMain.main(args);
        }
    }

    @Command(name = "openapi", description = "OpenAPI documents", subcommands = OpenApi.Export.class)
    static final class OpenApi extends Group {

        @Command(
                name = "export",
                description = "Start the scoring API and customer-360 jars and write the OpenAPI documents they "
                        + "serve to docs/openapi/scoring-api.yaml and docs/openapi/customer-360.yaml")
        static final class Export extends Tool {
            @Override
            void run(String[] args) throws Exception {
                OpenApiExportMain.main(args);
            }
        }
    }

    @Command(name = "fuzz", description = "API fuzzing", subcommands = Fuzz.Api.class)
    static final class Fuzz extends Group {

        @Command(
                name = "api",
                description = "Schemathesis against the scoring API's live OpenAPI document; fails on "
                        + "any 5xx ([--max-examples N] [schemathesis options])")
        static final class Api extends Tool {
            @Override
            void run(String[] args) throws Exception {
                FuzzMain.main(args);
            }
        }
    }

    @Command(
            name = "bench",
            description = "Benchmarks, printed as tables",
            subcommands = {
                Bench.Datagen.class,
                Bench.Pii.class,
                Bench.Scoring.class,
                Bench.StoreClient.class,
                Bench.Api.class,
                Bench.Stream.class,
                Bench.Profiles.class,
                Bench.Alerts.class
            })
    static final class Bench extends Group {

        @Command(
                name = "datagen",
                description =
                        "Generator throughput: rows/s per run and the median " + "([--transactions N] [--runs R])")
        static final class Datagen extends Tool {
            @Override
            void run(String[] args) throws Exception {
                DatagenBenchMain.main(args);
            }
        }

        @Command(
                name = "pii",
                description = "Field encryption with and without the data-key cache, KMS calls, "
                        + "PutRecords batching, against the emulator ([--fields N] [--subjects S])")
        static final class Pii extends Tool {
            @Override
            void run(String[] args) throws Exception {
                PiiBenchMain.main(args);
            }
        }

        @Command(
                name = "scoring",
                description = "JMH: the pure-Java scorer against XGBoost4J, in process " + "([--model model.json])")
        static final class Scoring extends Tool {
            @Override
            void run(String[] args) throws Exception {
                ScoringBenchMain.main(args);
            }
        }

        @Command(
                name = "store-client",
                description = "JMH: CPU per feature-store read of each DynamoDB client configuration, against an "
                        + "in-process stub ([--quick])")
        static final class StoreClient extends Tool {
            @Override
            void run(String[] args) throws Exception {
                StoreClientBenchMain.main(args);
            }
        }

        @Command(
                name = "api",
                description = "The scoring API under a fixed arrival rate: p50/p99/errors, beside a "
                        + "SageMaker-style path ([--rps N] [--seconds S] [--warmup S] [--cards N] ...)")
        static final class Api extends Tool {
            @Override
            void run(String[] args) throws Exception {
                ApiBenchMain.main(args);
            }
        }

        @Command(
                name = "stream",
                description =
                        "The stream transformer: in-process rate, end-to-end rate and "
                                + "freshness against the emulator ([--in-process=N] [--e2e=N] [--paced=N] [--mode=kcl|polling])")
        static final class Stream extends Tool {
            @Override
            void run(String[] args) throws Exception {
                StreamBenchMain.main(args);
            }
        }

        @Command(
                name = "profiles",
                description =
                        "customer-360: profile reads with JWT at a fixed rate, the consumer's ingest rate per "
                                + "core, put-to-profile freshness against the emulator ([--rps 1000] [--seconds 20] "
                                + "[--customers 300] [--ingest-events 20000] [--freshness-samples 60] [--gc parallel|serial|g1|z])")
        static final class Profiles extends Tool {
            @Override
            void run(String[] args) throws Exception {
                io.cdp.cli.profiles.ProfilesBenchMain.main(args);
            }
        }

        @Command(
                name = "alerts",
                description = "The alerting service with a Bedrock stub answering after 1.5 s: alerts/s, request to "
                        + "SNS/SES p99, fallback rate, input tokens, and the scoring API's p99 alone and meanwhile "
                        + "([--rate 60] [--seconds 20] [--bedrock-delay-ms 1500] [--scoring-rps 100] [--no-scoring])")
        static final class Alerts extends Tool {
            @Override
            void run(String[] args) throws Exception {
                io.cdp.cli.alerts.AlertsBenchMain.main(args);
            }
        }
    }

    @Command(
            name = "profiles",
            description = "customer-360's profiles",
            subcommands = {ProfilesBackfillCommand.class})
    static final class CustomerProfiles extends Group {}

    /** Steps {@code ./cdp demo} runs (the script owns the demo itself); hidden from {@code ./cdp help}. */
    @Command(
            name = "demo-steps",
            hidden = true,
            description = "Steps of ./cdp demo",
            subcommands = {DemoAnswersCommand.class, DemoSummaryCommand.class})
    static final class DemoSteps extends Group {}

    @Command(
            name = "aws",
            description = "The emulator's resources",
            subcommands = {Aws.Bootstrap.class, Aws.Inventory.class})
    static final class Aws extends Group {

        @Command(
                name = "bootstrap",
                description = "Create every registry resource on the emulator, idempotently " + "([namespace])")
        static final class Bootstrap extends Tool {
            @Override
            void run(String[] args) throws Exception {
                ResourceBootstrapMain.main(args);
            }
        }

        @Command(
                name = "inventory",
                description = "What every registry resource holds: records, messages, items, "
                        + "objects ([namespace] [--count STREAM] [--sample-card])")
        static final class Inventory extends Tool {
            @Override
            void run(String[] args) throws Exception {
                InventoryMain.main(args);
            }
        }
    }
}
