package io.cdp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CdpCliTest {

    private static String listing() {
        StringWriter out = new StringWriter();
        CdpCli.printCommands(CdpCli.commandLine(), new PrintWriter(out));
        return out.toString();
    }

    @Test
    void helpListsEveryCommandWithADescription() {
        List<String> lines = listing().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            String[] parts = line.strip().split("\\s{2,}", 2);
            assertThat(parts).as("command and description in '%s'", line).hasSize(2);
            assertThat(parts[1]).as("description of %s", parts[0]).hasSizeGreaterThan(20);
        }
        assertThat(lines.stream().map(l -> l.strip().split("\\s{2,}")[0]).toList())
                .contains(
                        "datagen",
                        "load tabformer",
                        "load handbook",
                        "extract",
                        "chargebacks",
                        "pii",
                        "features check-handbook",
                        "train",
                        "promote",
                        "eval handbook",
                        "eval online",
                        "eval live",
                        "eval loop",
                        "retrain",
                        "features backfill",
                        "profiles backfill",
                        "token",
                        "sql",
                        "openapi export",
                        "fuzz api",
                        "bench datagen",
                        "bench pii",
                        "bench scoring",
                        "bench store-client",
                        "bench api",
                        "bench stream",
                        "bench alerts",
                        "aws bootstrap",
                        "aws inventory");
    }

    @Test
    void aGroupWithoutItsSubCommandSaysWhichExistAndFails() {
        CommandLine cli = CdpCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench")).isEqualTo(2);
    }

    @Test
    void aToolGetsItsOwnOptionsUntouched() {
        CommandLine cli = CdpCli.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("datagen", "--out", "x", "--users", "40");
        CdpCli.Datagen datagen = parsed.subcommand().commandSpec().commandLine().getCommand();
        assertThat(datagen.args).containsExactly("--out", "x", "--users", "40");
    }

    @Test
    void aToolAskedForHelpPrintsItsUsageAndDoesNotRun() {
        CommandLine cli = CdpCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        // bench api would otherwise start a service and measure for minutes (and fail here without an emulator)
        assertThat(cli.execute("bench", "api", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: cdp bench api").contains("--rps N");
        out.getBuffer().setLength(0);
        assertThat(cli.execute("bench", "profiles", "-h")).isZero();
        assertThat(out.toString()).contains("Usage: cdp bench profiles").contains("--customers 300");
    }

    @Test
    void anUnknownCommandIsRefused() {
        CommandLine cli = CdpCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("frobnicate")).isNotZero();
    }
}
