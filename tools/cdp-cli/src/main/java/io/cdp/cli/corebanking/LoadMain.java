package io.cdp.cli.corebanking;

import io.cdp.aws.AwsClients;
import io.cdp.cli.CliAws;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.events.resources.CdpResources;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./cdp load tabformer --data DIR [--rejects FILE]}: loads TabFormer-format files into the core
 * DynamoDB tables and ends with {@code loaded users=U cards=C transactions=T rejected=R}.
 */
public final class LoadMain {

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        Path rejectsFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "tabformer" -> {}
                case "--data" -> data = Path.of(args[++i]);
                case "--rejects" -> rejectsFile = Path.of(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (data == null || !Files.isDirectory(data)) {
            usage(data == null ? "--data DIR is required" : "no such directory: " + data);
        }
        if (rejectsFile == null) {
            rejectsFile = Files.createTempDirectory("cdp-load").resolve("rejects.jsonl");
        }
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        new io.cdp.aws.bootstrap.ResourceBootstrap(clients, names).createAll();
        TabFormerLoader.Summary summary;
        try (RejectReport rejects = new RejectReport(rejectsFile);
                DynamoDbLoadSink sink = new DynamoDbLoadSink(clients.dynamoDb(), names, 4)) {
            summary = new TabFormerLoader(sink, rejects, System.err).load(TabFormerLoader.Files3.find(data));
        }
        if (summary.rejected() > 0) {
            System.out.println("rejects: " + rejectsFile);
        }
        System.out.println(summary.line());
    }

    private static void usage(String problem) {
        System.err.println("load: " + problem);
        System.err.println("usage: ./cdp load tabformer --data DIR [--rejects FILE]");
        System.exit(2);
    }
}
