package io.cdp.transformer.scoring;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Generated card transactions with fraud that the stream's features can see: cards that usually pay a few times a day
 * at a handful of home-state merchants, and compromised cards that suddenly burst online or abroad at new merchants,
 * in risky merchant categories, often with errors. For the local model trained at startup, tests and the benchmark;
 * never a stand-in for real data in an evaluation.
 */
public final class SyntheticTransactions {

    private static final int[] COMMON_MCC = {5411, 5812, 5541, 5912, 5311, 4121, 5814};
    private static final int[] RISKY_MCC = {5732, 5944, 4829, 7995, 5967};
    private static final String[] STATES = {"CA", "NY", "TX", "FL", "IL", "WA"};
    private static final String[] FOREIGN = {"Italy", "Mexico", "Nigeria", "Romania"};

    private final Random random;
    private final String runId;

    public SyntheticTransactions(long seed) {
        this.random = new Random(seed);
        this.runId = HexFormat.of().toHexDigits(seed).substring(8);
    }

    /**
     * Transactions of {@code cards} cards (two per customer) over [from, from + duration), sorted by time, with about
     * {@code fraudShare} of the cards compromised once in the period.
     */
    public List<TransactionRecordedV1> generate(int cards, Instant from, Duration duration, double perCardPerDay,
                                                double fraudShare) {
        List<TransactionRecordedV1> out = new ArrayList<>();
        double days = duration.toMillis() / 86_400_000.0;
        for (int c = 0; c < cards; c++) {
            Token card = token("crd", c);
            Token customer = token("cus", c / 2);
            String home = STATES[c % STATES.length];
            long[] merchants = new long[3 + random.nextInt(5)];
            for (int m = 0; m < merchants.length; m++) {
                merchants[m] = random.nextInt(5_000);
            }
            double typical = 15 + random.nextDouble() * 120;
            int count = Math.max(1, (int) Math.round(days * perCardPerDay * (0.5 + random.nextDouble())));
            for (int i = 0; i < count; i++) {
                Instant t = from.plusMillis((long) (random.nextDouble() * duration.toMillis()));
                long merchant = random.nextDouble() < 0.9 ? merchants[random.nextInt(merchants.length)] : random.nextInt(50_000);
                Channel channel = random.nextDouble() < 0.15 ? Channel.ONLINE : random.nextDouble() < 0.7 ? Channel.CHIP : Channel.SWIPE;
                double amount = Math.max(1, typical * Math.exp(random.nextGaussian() * 0.5));
                List<String> errors = random.nextDouble() < 0.02 ? List.of("Insufficient Balance") : List.of();
                // genuine but unusual (a trip, a big purchase): what keeps the problem from being trivially separable
                boolean unusual = random.nextDouble() < 0.03;
                out.add(tx(card, customer, t, unusual ? amount * (2 + random.nextDouble() * 3) : amount,
                        unusual ? 100_000 + random.nextInt(900_000) : merchant, channel == Channel.ONLINE ? null : home,
                        unusual ? RISKY_MCC[random.nextInt(RISKY_MCC.length)] : COMMON_MCC[random.nextInt(COMMON_MCC.length)],
                        channel, errors, false));
            }
            if (random.nextDouble() < fraudShare) {
                Instant start = from.plusMillis((long) (random.nextDouble() * duration.toMillis() * 0.95));
                int burst = 3 + random.nextInt(6);
                boolean abroad = random.nextBoolean();
                // some fraudsters stay small and ordinary; the model has to miss some of them, as in real life
                boolean quiet = random.nextDouble() < 0.25;
                for (int i = 0; i < burst; i++) {
                    Instant t = start.plusSeconds(20L + random.nextInt(quiet ? 3_000 : 150) * (long) (i + 1));
                    double amount = typical * (quiet ? 0.5 + random.nextDouble() : 2 + random.nextDouble() * 6);
                    List<String> errors = random.nextDouble() < 0.3 ? List.of(random.nextBoolean() ? "Bad PIN" : "Bad CVV") : List.of();
                    out.add(tx(card, customer, t, amount, 100_000 + random.nextInt(900_000),
                            abroad ? FOREIGN[random.nextInt(FOREIGN.length)] : null,
                            RISKY_MCC[random.nextInt(RISKY_MCC.length)], abroad ? Channel.SWIPE : Channel.ONLINE, errors, true));
                }
            }
        }
        out.sort(Comparator.comparing(TransactionRecordedV1::transactionTime));
        return out;
    }

    private int sequence;

    private TransactionRecordedV1 tx(Token card, Token customer, Instant time, double amount, long merchant,
                                     String state, int mcc, Channel channel, List<String> errors, boolean fraud) {
        String id = "tx-" + runId + "-" + (sequence++);
        return new TransactionRecordedV1(id, card, customer, time,
                BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP), "USD", "m" + merchant,
                state == null ? null : "City", state, null, mcc, channel, errors, fraud);
    }

    private Token token(String kind, int index) {
        return new Token(kind + "_" + runId + "x" + String.format("%012d", index));
    }
}
