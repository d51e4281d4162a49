package io.cdp.cli.corebanking;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.cli.CliAws;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.pii.crypto.FieldEncryptor;
import io.cdp.pii.crypto.KmsCallCounter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./cdp bench pii [--fields N] [--subjects S]}: measured against the emulator in one run and printed
 * as a table: (1) field encryption in steady state with the data-key cache, KMS calls counted at the client;
 * (2) the same with the cache limited to one use per key, i.e. a KMS call per field; (3) Kinesis PutRecords
 * batches against one PutRecord per record. Ends with
 * {@code pii fields_per_s=F kms_calls_per_10k=K putrecords_speedup=S}.
 */
public final class PiiBenchMain {

    private PiiBenchMain() {}

    public static void main(String[] args) {
        int fields = 1_000_000;
        int subjects = 1_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fields" -> fields = Integer.parseInt(args[++i]);
                case "--subjects" -> subjects = Integer.parseInt(args[++i]);
                default -> {}
            }
        }
        AwsClients clients = CliAws.clients();
        CdpResources names =
                CdpResources.fromValue("bench-pii-" + Long.toHexString(System.currentTimeMillis() & 0xfffff));
        System.err.println("bench: creating resources in namespace " + names.namespace());
        new ResourceBootstrap(clients, names).createAll();

        // (1) steady state with the cache
        KmsCallCounter counter = new KmsCallCounter();
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, counter);
        FieldEncryptor encryptor = pii.encryptor();
        String[] refs = new String[subjects];
        FieldContext[] contexts = new FieldContext[subjects];
        for (int s = 0; s < subjects; s++) {
            refs[s] = pii.tokenizer().customer("bench-" + s).value();
            contexts[s] = new FieldContext("customer", refs[s], "name");
        }
        counter.reset();
        long warmStart = System.nanoTime();
        for (int s = 0; s < subjects; s++) {
            encryptor.encrypt(refs[s], contexts[s], "Warm Up Name " + s);
        }
        double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
        long warmCalls = counter.total();
        // JIT warm-up on cached keys, not measured
        for (int i = 0; i < 200_000; i++) {
            encryptor.encrypt(refs[i % subjects], contexts[i % subjects], "Jit Warm Name");
        }
        counter.reset();
        long[] samples = new long[fields / 100 + 1];
        int sampled = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < fields; i++) {
            int s = i % subjects;
            if (i % 100 == 0) {
                long a = System.nanoTime();
                encryptor.encrypt(refs[s], contexts[s], "Jane Q. Example-" + i);
                samples[sampled++] = System.nanoTime() - a;
            } else {
                encryptor.encrypt(refs[s], contexts[s], "Jane Q. Example-" + i);
            }
        }
        double steadySeconds = (System.nanoTime() - t0) / 1e9;
        long steadyCalls = counter.total();
        double fieldsPerS = fields / steadySeconds;
        double callsPer10k = steadyCalls * 10_000.0 / fields;
        long[] lat = Arrays.copyOf(samples, sampled);
        Arrays.sort(lat);

        // (2) no caching: every field unwraps its data key with KMS
        KmsCallCounter uncachedCounter = new KmsCallCounter();
        PiiProtection uncached = PiiProtection.fromAws(
                clients, names, new DataKeyCache.Limits(10_000, Duration.ofMinutes(5), 1), uncachedCounter);
        int uncachedFields = 1_000;
        uncachedCounter.reset();
        long u0 = System.nanoTime();
        for (int i = 0; i < uncachedFields; i++) {
            int s = i % subjects;
            uncached.encryptor().encrypt(refs[s], contexts[s], "Jane Q. Example-" + i);
        }
        double uncachedSeconds = (System.nanoTime() - u0) / 1e9;
        double uncachedPerS = uncachedFields / uncachedSeconds;
        double uncachedCallsPer10k = uncachedCounter.total() * 10_000.0 / uncachedFields;

        // (3) PutRecords batches against PutRecord per record, same records, same stream
        String stream = names.stream(CdpResources.Stream.CORE_TRANSACTIONS);
        KinesisPublisher publisher = new KinesisPublisher(clients.kinesis(), stream);
        List<KinesisPublisher.Record> records = new ArrayList<>();
        byte[] body = ("{\"eventType\":\"transaction.recorded.v1\",\"payload\":\"" + "x".repeat(500) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5_000; i++) {
            records.add(new KinesisPublisher.Record("crd_bench" + (i % 97), body));
        }
        List<KinesisPublisher.Record> single = records.subList(0, 500);
        long p0 = System.nanoTime();
        publisher.putOneByOne(single);
        double singlePerS = single.size() / ((System.nanoTime() - p0) / 1e9);
        long b0 = System.nanoTime();
        publisher.putAll(records);
        double batchPerS = records.size() / ((System.nanoTime() - b0) / 1e9);
        double speedup = batchPerS / singlePerS;

        System.out.printf("%-44s %14s %16s%n", "measurement", "per second", "kms calls/10k");
        System.out.printf(
                "%-44s %14.0f %16.1f%n",
                "encrypt, cold (" + subjects + " new data keys)",
                subjects / warmSeconds,
                warmCalls * 10_000.0 / subjects);
        System.out.printf(
                "%-44s %14.0f %16.2f%n", "encrypt, steady state, cache (" + fields + ")", fieldsPerS, callsPer10k);
        System.out.printf(
                "%-44s %14.0f %16.1f%n",
                "encrypt, no cache (" + uncachedFields + ")", uncachedPerS, uncachedCallsPer10k);
        System.out.printf("%-44s %14.0f %16s%n", "kinesis PutRecord x" + single.size(), singlePerS, "-");
        System.out.printf("%-44s %14.0f %16s%n", "kinesis PutRecords (500/batch) x" + records.size(), batchPerS, "-");
        System.out.printf(
                "encrypt latency (every 100th field, n=%d): p50=%.1fus p99=%.1fus; cache speedup over no cache %.0fx%n",
                lat.length, lat[lat.length / 2] / 1e3, lat[(int) (lat.length * 0.99)] / 1e3, fieldsPerS / uncachedPerS);
        System.out.printf(
                "pii fields_per_s=%.0f kms_calls_per_10k=%.2f putrecords_speedup=%.1f%n",
                fieldsPerS, callsPer10k, speedup);
    }
}
