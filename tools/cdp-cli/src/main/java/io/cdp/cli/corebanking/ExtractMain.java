package io.cdp.cli.corebanking;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.cli.CliAws;
import io.cdp.core.extraction.ExtractionOptions;
import io.cdp.core.extraction.ExtractionRunner;
import io.cdp.core.extraction.ExtractionStatus;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import java.nio.file.Files;

/**
 * {@code ./cdp extract [--live-share 0.05] [--speed max|N] [--stream-only|--lake-only]}: one extraction from
 * the core tables, watched until it ends; prints the final status line.
 */
public final class ExtractMain {

    private ExtractMain() {}

    public static void main(String[] args) throws Exception {
        double liveShare = 0.05;
        double speed = 0;
        boolean stream = true;
        boolean lake = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--live-share" -> liveShare = Double.parseDouble(args[++i]);
                case "--speed" -> {
                    String v = args[++i];
                    speed = "max".equals(v) ? 0 : Double.parseDouble(v);
                }
                case "--stream-only" -> lake = false;
                case "--lake-only" -> stream = false;
                default -> {
                    System.err.println(
                            "usage: ./cdp extract [--live-share 0.05] [--speed max|N] [--stream-only|--lake-only]");
                    System.exit(2);
                }
            }
        }
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        new ResourceBootstrap(clients, names).createAll();
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        try (ExtractionRunner runner =
                ExtractionRunner.fromAws(clients, names, pii, Files.createTempDirectory("cdp-extract"))) {
            ExtractionStatus started = runner.start(new ExtractionOptions(liveShare, speed, stream, lake));
            String id = started.extractionId();
            // Ctrl-C stops the extraction after its current batch instead of abandoning it mid-request
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (runner.status(id).orElseThrow().state() == ExtractionStatus.State.RUNNING) {
                    System.err.println("extract: stopping " + id);
                    runner.stop(id);
                    runner.await(id);
                }
            }));
            while (runner.status(id).orElseThrow().state() == ExtractionStatus.State.RUNNING) {
                Thread.sleep(2000);
                ExtractionStatus s = runner.status(id).orElseThrow();
                System.err.printf(
                        "extract: %s published %d/%d live transactions, %d lake objects%n",
                        s.state(),
                        s.publishedTransactions(),
                        s.liveTransactions(),
                        s.lakeObjects().size());
            }
            ExtractionStatus s = runner.status(id).orElseThrow();
            if (s.manifestKey() != null) {
                System.out.println("manifest: s3://" + names.bucket(CdpResources.Bucket.LAKE) + "/" + s.manifestKey());
            }
            System.out.printf(
                    "extracted id=%s state=%s customers=%d cards=%d erased_skipped=%d history=%d live=%d published=%d"
                            + " lake_objects=%d%n",
                    id,
                    s.state(),
                    s.customers(),
                    s.cards(),
                    s.erasedCustomersSkipped(),
                    s.historyTransactions(),
                    s.liveTransactions(),
                    s.publishedTransactions(),
                    s.lakeObjects().size());
            if (s.state() != ExtractionStatus.State.COMPLETED) {
                System.err.println("extract: " + s.error());
                System.exit(1);
            }
        }
    }
}
