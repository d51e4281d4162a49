package io.cdp.core.chargebacks;

import io.cdp.core.tabformer.Transaction;
import io.cdp.lake.labels.LabelEvidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which frauds of the system of record have come back as chargebacks by a given moment. Whether a fraud is disputed
 * and when is a pure function of its transaction id (SHA-256), so every run reports the same chargebacks with the same
 * times and a later run only adds those that have come due since: the report is a full recomputation, written over
 * the previous one, never a second copy.
 */
public final class Chargebacks {

    /** What one run found: frauds in the record, disputed ones, those already reported, those still to come. */
    public record Report(
            int frauds, int disputed, int reported, int pending, int erasedSkipped, List<LabelEvidence> evidence) {

        public Report {
            evidence = List.copyOf(evidence);
        }
    }

    private Chargebacks() {}

    /**
     * @param transactions    the system of record's transactions
     * @param erasedCustomers customers whose data was erased: nothing about them leaves core banking any more
     * @param publishedId     the transaction id the CDP knows (core banking's opaque id, as extraction publishes it)
     */
    public static Report due(
            Collection<Transaction> transactions,
            Set<String> erasedCustomers,
            Function<Transaction, String> publishedId,
            ChargebackPolicy policy,
            Instant now) {
        int frauds = 0;
        int disputed = 0;
        int erased = 0;
        List<LabelEvidence> evidence = new ArrayList<>();
        long spanSeconds = Duration.ofDays(policy.maxDays() - policy.minDays()).toSeconds();
        for (Transaction t : transactions) {
            if (!t.fraud()) {
                continue;
            }
            frauds++;
            byte[] h = sha256(t.transactionId());
            if (unit(h, 0) >= policy.rate()) {
                continue; // the card holder never disputed it: silence stays the only label
            }
            disputed++;
            if (erasedCustomers.contains(t.customerId())) {
                erased++;
                continue;
            }
            Instant reportedAt = t.time()
                    .toInstant(ZoneOffset.UTC)
                    .plus(Duration.ofDays(policy.minDays()))
                    .plusSeconds((long) (unit(h, 8) * spanSeconds));
            if (!reportedAt.isAfter(now)) {
                evidence.add(LabelEvidence.chargeback(
                        publishedId.apply(t), reportedAt, "cb-" + HexFormat.of().formatHex(h, 16, 24)));
            }
        }
        return new Report(frauds, disputed, evidence.size(), disputed - erased - evidence.size(), erased, evidence);
    }

    /** A uniform number in [0, 1) from eight bytes of the hash. */
    private static double unit(byte[] h, int offset) {
        long bits = 0;
        for (int i = offset; i < offset + 8; i++) {
            bits = (bits << 8) | (h[i] & 0xff);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
