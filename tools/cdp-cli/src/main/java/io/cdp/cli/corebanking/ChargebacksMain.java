package io.cdp.cli.corebanking;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.cli.CliAws;
import io.cdp.core.chargebacks.ChargebackPolicy;
import io.cdp.core.chargebacks.Chargebacks;
import io.cdp.core.extraction.Protector;
import io.cdp.core.store.CoreStore;
import io.cdp.events.resources.CdpResources;
import io.cdp.lake.labels.LabelEvidenceTable;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./cdp chargebacks [--rate 0.8] [--min-days 2] [--max-days 30]}: the chargebacks that have come due in the
 * system of record, reported to the lake as label evidence ({@code labels/evidence/day=<day>/chargebacks.parquet}),
 * where {@code ./cdp retrain} joins them point-in-time. Rerunning rewrites the same objects with what is due by then.
 */
public final class ChargebacksMain {

    private static final String USAGE = "usage: ./cdp chargebacks [--rate 0.8] [--min-days 2] [--max-days 30]";

    private ChargebacksMain() {}

    public static void main(String[] args) {
        ChargebackPolicy d = ChargebackPolicy.DEFAULT;
        double rate = d.rate();
        int minDays = d.minDays();
        int maxDays = d.maxDays();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--min-days" -> minDays = Integer.parseInt(args[++i]);
                    case "--max-days" -> maxDays = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("chargebacks: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        ChargebackPolicy policy;
        try {
            policy = new ChargebackPolicy(rate, minDays, maxDays);
        } catch (IllegalArgumentException e) {
            System.err.println("chargebacks: " + e.getMessage());
            System.exit(2);
            return;
        }
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        new ResourceBootstrap(clients, names).createAll();
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        Protector protector = new Protector(pii.tokenizer(), pii.encryptor());
        CoreStore store = new CoreStore(clients.dynamoDb(), names);
        Chargebacks.Report report = Chargebacks.due(
                store.allTransactions(),
                store.allCustomers().erased(),
                protector::transactionId,
                policy,
                Instant.now());
        String bucket = names.bucket(CdpResources.Bucket.LAKE);
        List<String> keys = LabelEvidenceTable.write(clients.s3(), bucket, "chargebacks", report.evidence());
        System.out.printf(
                "chargebacks frauds=%d disputed=%d reported=%d pending=%d erased_skipped=%d lake_objects=%d"
                        + " (rate %.2f, %d..%d days, s3://%s/labels/evidence/)%n",
                report.frauds(),
                report.disputed(),
                report.reported(),
                report.pending(),
                report.erasedSkipped(),
                keys.size(),
                policy.rate(),
                policy.minDays(),
                policy.maxDays(),
                bucket);
    }
}
