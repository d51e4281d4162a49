package io.cdp.datagen;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A card history in which fraud changes: account takeovers from the first day (bursts online or abroad, in risky
 * merchant categories, at several times the card's usual amount, as {@link SyntheticCardHistory#takeovers}) and, when
 * asked, a new pattern from day {@code newPatternFrom} that a model trained on the takeovers has no reason to know:
 * skimmed cards cashed out at night, swiped at home-state merchants the card never used, in ordinary grocery and fuel
 * categories, at ordinary amounts, a quarter of an hour or more apart (no burst for the velocity features).
 *
 * <p>Genuine card use is mostly by day (7:00-22:59 UTC) at the card's few usual merchants, and takeovers happen by day
 * too, so a model trained before day D has learnt nothing about the night: the night and the new merchant are what set
 * the new pattern apart, once a model has labels of it to learn from. Deterministic for a seed;
 * the same seed without the new pattern gives the same genuine use and takeovers.
 */
public final class DriftScenario {

    private static final String[] STATES = {"CA", "NY", "TX", "FL", "IL", "WA"};
    private static final int[] COMMON_MCC = {5411, 5812, 5541, 5912, 5311, 4121, 5814};
    private static final int[] RISKY_MCC = {5732, 5944, 4829, 7995, 5967};
    private static final int[] SKIMMING_MCC = {5411, 5541};
    private static final String[] FOREIGN = {"Italy", "Mexico", "Nigeria", "Romania"};
    private static final long DAY_MS = 86_400_000L;

    /**
     * @param cards             cards (two per customer)
     * @param days              days of history from {@code from}
     * @param perCardPerDay     genuine transactions per card and day, on average
     * @param takeoversPerDay   cards taken over per day, on average, from the first day
     * @param newPatternFrom    first day (0-based) of the new pattern; negative: no new pattern
     * @param newPatternPerDay  cards skimmed per day from {@code newPatternFrom}
     */
    public record Options(
            long seed,
            int cards,
            LocalDate from,
            int days,
            double perCardPerDay,
            double takeoversPerDay,
            int newPatternFrom,
            double newPatternPerDay) {

        public boolean hasNewPattern() {
            return newPatternFrom >= 0;
        }

        public Options withoutNewPattern() {
            return new Options(seed, cards, from, days, perCardPerDay, takeoversPerDay, -1, newPatternPerDay);
        }
    }

    /** The history in time order, and which of its transactions are frauds of the new pattern. */
    public record Generated(List<TransactionRecordedV1> transactions, Set<String> newPatternIds) {}

    private DriftScenario() {}

    public static Generated generate(Options o) {
        // one generator per concern, so switching the new pattern off leaves the rest of the history unchanged
        Random genuine = new Random(o.seed());
        Random takeovers = new Random(o.seed() * 31 + 7);
        Random skimming = new Random(o.seed() * 131 + 11);
        String runId = HexFormat.of().toHexDigits(o.seed()).substring(8);
        long start = o.from().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Writer out = new Writer(runId);
        Card[] cards = new Card[o.cards()];
        for (int c = 0; c < o.cards(); c++) {
            long[] merchants = new long[3 + genuine.nextInt(5)];
            for (int m = 0; m < merchants.length; m++) {
                merchants[m] = genuine.nextInt(5_000);
            }
            cards[c] = new Card(
                    token(runId, "crd", c),
                    token(runId, "cus", c / 2),
                    STATES[c % STATES.length],
                    merchants,
                    15 + genuine.nextDouble() * 120);
        }
        for (int d = 0; d < o.days(); d++) {
            for (Card card : cards) {
                int n = poisson(genuine, o.perCardPerDay());
                for (int i = 0; i < n; i++) {
                    boolean night = genuine.nextDouble() < 0.05;
                    long hour = night ? genuine.nextInt(7) : 7 + genuine.nextInt(16);
                    long t = start + d * DAY_MS + hour * 3_600_000L + genuine.nextInt(3_600_000);
                    boolean unusual = genuine.nextDouble() < 0.03;
                    Channel channel = genuine.nextDouble() < 0.15
                            ? Channel.ONLINE
                            : genuine.nextDouble() < 0.7 ? Channel.CHIP : Channel.SWIPE;
                    long merchant = unusual || genuine.nextDouble() < 0.2
                            ? 100_000 + genuine.nextInt(900_000)
                            : card.merchants[genuine.nextInt(card.merchants.length)];
                    double amount = Math.max(1, card.typical * Math.exp(genuine.nextGaussian() * 0.5));
                    List<String> errors = genuine.nextDouble() < 0.02 ? List.of("Insufficient Balance") : List.of();
                    out.add(
                            card,
                            t,
                            unusual ? amount * (2 + genuine.nextDouble() * 3) : amount,
                            merchant,
                            channel == Channel.ONLINE ? null : card.home,
                            unusual
                                    ? RISKY_MCC[genuine.nextInt(RISKY_MCC.length)]
                                    : COMMON_MCC[genuine.nextInt(COMMON_MCC.length)],
                            channel,
                            errors,
                            false,
                            false);
                }
            }
            for (int k = poisson(takeovers, o.takeoversPerDay()); k > 0; k--) {
                Card card = cards[takeovers.nextInt(cards.length)];
                // fraudsters shop when shops and their victims do: by day, so the hour says nothing about takeovers
                long t = start + d * DAY_MS + (8 + takeovers.nextInt(13)) * 3_600_000L + takeovers.nextInt(3_600_000);
                int burst = 3 + takeovers.nextInt(6);
                boolean abroad = takeovers.nextBoolean();
                boolean quiet = takeovers.nextDouble() < 0.25;
                for (int i = 0; i < burst; i++) {
                    t += 20_000L + takeovers.nextInt(quiet ? 3_000 : 150) * 1000L;
                    double amount =
                            card.typical * (quiet ? 0.5 + takeovers.nextDouble() : 2 + takeovers.nextDouble() * 6);
                    List<String> errors = takeovers.nextDouble() < 0.3
                            ? List.of(takeovers.nextBoolean() ? "Bad PIN" : "Bad CVV")
                            : List.of();
                    out.add(
                            card,
                            t,
                            amount,
                            100_000 + takeovers.nextInt(900_000),
                            abroad ? FOREIGN[takeovers.nextInt(FOREIGN.length)] : null,
                            RISKY_MCC[takeovers.nextInt(RISKY_MCC.length)],
                            abroad ? Channel.SWIPE : Channel.ONLINE,
                            errors,
                            true,
                            false);
                }
            }
            if (o.hasNewPattern() && d >= o.newPatternFrom()) {
                for (int k = poisson(skimming, o.newPatternPerDay()); k > 0; k--) {
                    Card card = cards[skimming.nextInt(cards.length)];
                    long t = start + d * DAY_MS + (1 + skimming.nextInt(3)) * 3_600_000L + skimming.nextInt(3_600_000);
                    int n = 2 + skimming.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        out.add(
                                card,
                                t,
                                card.typical * (0.6 + skimming.nextDouble() * 0.6),
                                100_000 + skimming.nextInt(900_000),
                                card.home,
                                SKIMMING_MCC[skimming.nextInt(SKIMMING_MCC.length)],
                                Channel.SWIPE,
                                List.of(),
                                true,
                                true);
                        t += 900_000L + skimming.nextInt(1_500_000);
                    }
                }
            }
        }
        List<TransactionRecordedV1> all = new ArrayList<>(out.rows);
        all.sort(Comparator.comparing(TransactionRecordedV1::transactionTime)
                .thenComparing(TransactionRecordedV1::transactionId));
        return new Generated(List.copyOf(all), Set.copyOf(out.newPattern));
    }

    private record Card(Token card, Token customer, String home, long[] merchants, double typical) {}

    private static final class Writer {
        private final String runId;
        private final List<TransactionRecordedV1> rows = new ArrayList<>();
        private final Set<String> newPattern = new HashSet<>();
        private int sequence;

        Writer(String runId) {
            this.runId = runId;
        }

        void add(
                Card card,
                long time,
                double amount,
                long merchant,
                String state,
                int mcc,
                Channel channel,
                List<String> errors,
                boolean fraud,
                boolean isNewPattern) {
            String id = "tx-" + runId + "-" + (sequence++);
            rows.add(new TransactionRecordedV1(
                    id,
                    card.card(),
                    card.customer(),
                    Instant.ofEpochMilli(time),
                    BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP),
                    "USD",
                    "m" + merchant,
                    state == null ? null : "City",
                    state,
                    null,
                    mcc,
                    channel,
                    errors,
                    fraud));
            if (isNewPattern) {
                newPattern.add(id);
            }
        }
    }

    private static int poisson(Random random, double mean) {
        // Knuth's method: means here are small (a few per card and day)
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static Token token(String runId, String kind, int index) {
        // token format: 43 characters after the version, and never a twelve-digit run (the 'x's break them)
        String body = runId + "x" + String.format("%010d", index);
        return new Token(kind + "_v1_" + body + "x".repeat(Token.MAC_CHARS - body.length()));
    }
}
