package io.cdp.cli.corebanking;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.cli.CliAws;
import io.cdp.core.handbook.HandbookParser;
import io.cdp.core.handbook.HandbookTransaction;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.store.BatchWriter;
import io.cdp.core.tabformer.RowException;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.csv.Csv;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./cdp load handbook --data DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--rejects FILE]}: loads the
 * handbook's daily CSVs (one per day, named by date) into the core transactions table, one card per
 * customer ({@code hb-<customer>:0}), for evaluation runs.
 */
public final class HandbookLoadMain {

    private HandbookLoadMain() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        LocalDate from = LocalDate.MIN;
        LocalDate to = LocalDate.MAX;
        Path rejectsFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--from" -> from = LocalDate.parse(args[++i]);
                case "--to" -> to = LocalDate.parse(args[++i]);
                case "--rejects" -> rejectsFile = Path.of(args[++i]);
                default -> {
                    System.err.println(
                            "usage: ./cdp load handbook --data DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--rejects FILE]");
                    System.exit(2);
                }
            }
        }
        if (data == null || !Files.isDirectory(data)) {
            System.err.println("load: --data DIR with the handbook's daily CSVs is required");
            System.exit(2);
        }
        List<Path> days = new ArrayList<>();
        try (Stream<Path> list = Files.list(data)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.matches("\\d{4}-\\d{2}-\\d{2}\\.csv")) {
                    LocalDate day = LocalDate.parse(name.substring(0, 10));
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        days.add(p);
                    }
                }
            }
        }
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        new ResourceBootstrap(clients, names).createAll();
        String table = names.table(CdpResources.Table.TRANSACTIONS);
        if (rejectsFile == null) {
            rejectsFile = Files.createTempDirectory("cdp-load").resolve("handbook-rejects.jsonl");
        }
        long loaded = 0;
        Set<Long> customers = new HashSet<>();
        Set<Long> terminals = new HashSet<>();
        try (RejectReport rejects = new RejectReport(rejectsFile);
                BatchWriter writer = new BatchWriter(clients.dynamoDb(), 4)) {
            for (Path day : days) {
                List<Map<String, AttributeValue>> batch = new ArrayList<>();
                try (BufferedReader in = Files.newBufferedReader(day, StandardCharsets.UTF_8)) {
                    String header = in.readLine();
                    try {
                        HandbookParser.checkHeader(Csv.split(header == null ? "" : header));
                    } catch (RowException e) {
                        rejects.reject(day.getFileName().toString(), 1, e.getMessage());
                        continue;
                    }
                    String line;
                    long n = 1;
                    while ((line = in.readLine()) != null) {
                        n++;
                        try {
                            HandbookTransaction t = HandbookParser.parse(Csv.split(line));
                            batch.add(item(t));
                            customers.add(t.customerId());
                            terminals.add(t.terminalId());
                            loaded++;
                            if (batch.size() == BatchWriter.MAX_BATCH) {
                                writer.submit(table, List.copyOf(batch));
                                batch.clear();
                            }
                        } catch (RowException e) {
                            rejects.reject(day.getFileName().toString(), n, e.getMessage());
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    writer.submit(table, List.copyOf(batch));
                }
                System.err.printf("load: %s done, %,d transactions so far%n", day.getFileName(), loaded);
            }
            writer.flush();
            System.out.printf(
                    "loaded handbook days=%d transactions=%d customers=%d terminals=%d rejected=%d%n",
                    days.size(), loaded, customers.size(), terminals.size(), rejects.count());
        }
    }

    static Map<String, AttributeValue> item(HandbookTransaction t) {
        return Map.of(
                "cardId",
                AttributeValue.fromS(t.cardId()),
                "txKey",
                AttributeValue.fromS(t.txKey()),
                "transactionId",
                AttributeValue.fromS("hb-" + t.transactionId()),
                "customerId",
                AttributeValue.fromS("hb-" + t.customerId()),
                "time",
                AttributeValue.fromS(t.time().toString()),
                "amount",
                AttributeValue.fromN(t.amount().toPlainString()),
                "merchantId",
                AttributeValue.fromS("term-" + t.terminalId()),
                "fraud",
                AttributeValue.fromBool(t.fraud()),
                "fraudScenario",
                AttributeValue.fromN(Integer.toString(t.fraudScenario())),
                "source",
                AttributeValue.fromS("handbook"));
    }
}
