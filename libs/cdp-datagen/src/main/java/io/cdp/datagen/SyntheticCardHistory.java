package io.cdp.datagen;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Synthetic card histories for tests, fixtures, benchmarks and a first local model: deterministic for a seed, never
 * a stand-in for real data in an evaluation (TabFormer-format files with customers and PII, what core banking loads,
 * are {@link TabFormerGenerator}'s). Two fraud patterns, each what a family of online features exists for:
 * <ul>
 *   <li>{@link #cardTesting}: ordinary card use (a few purchases a day, mostly chip at the card's usual merchants)
 *       and card-testing attacks: a burst of small online charges at new merchants minutes apart, then a few large
 *       ones (velocity features);</li>
 *   <li>{@link #takeovers}: cards that usually pay a few times a day at a handful of home-state merchants, and
 *       compromised cards that suddenly burst online or abroad at new merchants, in risky merchant categories, often
 *       with errors, as wire events ({@link TransactionRecordedV1}) a producer can put on the stream.</li>
 * </ul>
 */
public final class SyntheticCardHistory {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    private static final String[] STATES = {"CA", "NY", "TX", "FL", "IL", "WA"};
    private static final int[] STORE_MCC = {5411, 5812, 5541, 5912, 5311};
    private static final int[] ONLINE_MCC = {5999, 5732, 4899};
    /** Card testers use ordinary online merchants: an MCC only bursts used made the MCC risk feature a label leak. */
    private static final int[] TESTING_MCC = {5999, 5732, 4899};

    private SyntheticCardHistory() {}

    /**
     * Account takeovers as wire events: transactions of {@code cards} cards (two per customer) over
     * [from, from + duration), sorted by time, with about {@code fraudShare} of the cards compromised once.
     */
    public static List<TransactionRecordedV1> takeovers(
            long seed, int cards, Instant from, Duration duration, double perCardPerDay, double fraudShare) {
        return new Takeovers(seed).generate(cards, from, duration, perCardPerDay, fraudShare);
    }

    /**
     * @param cards  cards with ordinary history
     * @param days   days of history from {@code from}
     * @param bursts card-testing attacks on random cards, each on a random day after the first
     */
    public static List<OnlineTransaction> cardTesting(long seed, int cards, LocalDate from, int days, int bursts) {
        SplittableRandom random = new SplittableRandom(seed);
        List<OnlineTransaction> out = new ArrayList<>();
        String[] tokens = new String[cards];
        int[] firstDays = new int[cards];
        long txCounter = 0;
        long start = from.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        for (int c = 0; c < cards; c++) {
            tokens[c] = cardToken(random);
            String state = STATES[random.nextInt(STATES.length)];
            String zip = String.format("%05d", 10000 + random.nextInt(89999));
            // cards keep being issued, so first transactions (cold starts) are ordinary on every day, not only early
            int firstDay = random.nextDouble() < 0.7 ? random.nextInt(days - 1) : 0;
            firstDays[c] = firstDay;
            for (int d = firstDay; d < days; d++) {
                int n = random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    long t =
                            start + d * 86_400_000L + (7 + random.nextInt(16)) * 3_600_000L + random.nextInt(3_600_000);
                    double amount = Math.round(Math.exp(3.3 + 0.8 * gaussian(random)) * 100) / 100.0;
                    double u = random.nextDouble();
                    UseChip channel = u < 0.70 ? UseChip.CHIP : u < 0.85 ? UseChip.SWIPE : UseChip.ONLINE;
                    boolean online = channel == UseChip.ONLINE;
                    String merchant = online
                            ? "shop-" + random.nextInt(30)
                            : random.nextDouble() < 0.15
                                    ? "m-x-" + random.nextInt(1_000_000)
                                    : "m-" + c + "-" + random.nextInt(6);
                    int mcc = online
                            ? ONLINE_MCC[random.nextInt(ONLINE_MCC.length)]
                            : STORE_MCC[random.nextInt(STORE_MCC.length)];
                    List<String> errors = random.nextDouble() < 0.015 ? List.of("Insufficient Balance") : List.of();
                    out.add(new OnlineTransaction(
                            "tx-" + txCounter++,
                            null,
                            tokens[c],
                            Instant.ofEpochMilli(t),
                            amount,
                            channel,
                            merchant,
                            null,
                            online ? null : state,
                            online ? null : zip,
                            mcc,
                            errors,
                            false));
                    if (random.nextDouble() < 0.05) {
                        // people do pay twice in a row (a split bill, a forgotten item): velocity alone is not fraud
                        out.add(new OnlineTransaction(
                                "tx-" + txCounter++,
                                null,
                                tokens[c],
                                Instant.ofEpochMilli(t + 30_000 + random.nextInt(270_000)),
                                Math.round(amount * 37) / 100.0,
                                channel,
                                merchant,
                                null,
                                online ? null : state,
                                online ? null : zip,
                                mcc,
                                List.of(),
                                false));
                    }
                }
            }
        }
        for (int b = 0; b < bursts; b++) {
            // attacks hit cards already in use: a compromised card has a history before the testing starts
            int victim = random.nextInt(cards);
            String card = tokens[victim];
            int day = firstDays[victim] + 1 + random.nextInt(Math.max(1, days - firstDays[victim] - 1));
            long t = start + day * 86_400_000L + random.nextInt(86_400_000);
            int n = 10 + random.nextInt(16);
            for (int k = 0; k < n; k++) {
                t += 5_000 + random.nextInt(35_000);
                boolean cashOut = k >= n - Math.max(2, n / 5);
                double amount = cashOut ? 50 + random.nextInt(350) : 0.5 + random.nextInt(450) / 100.0;
                List<String> errors = random.nextDouble() < 0.2
                        ? List.of(random.nextBoolean() ? "Bad CVV" : "Insufficient Balance")
                        : List.of();
                out.add(new OnlineTransaction(
                        "tx-" + txCounter++,
                        null,
                        card,
                        Instant.ofEpochMilli(t),
                        amount,
                        UseChip.ONLINE,
                        "fm-" + random.nextInt(1_000_000),
                        null,
                        null,
                        null,
                        TESTING_MCC[random.nextInt(TESTING_MCC.length)],
                        errors,
                        true));
            }
        }
        out.sort(Comparator.comparing(OnlineTransaction::time));
        return out;
    }

    /**
     * A card token in the exact format the core-banking zone issues ({@code crd_v1_} + 43 base64url characters). Draws
     * the same 16 random bytes as before, so the rest of a seeded history is unchanged, and stretches them with SHA-256
     * (re-hashing in the vanishing case that the text holds a twelve-digit run, which a token may not).
     */
    public static String cardToken(SplittableRandom random) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String token;
            do {
                bytes = sha256.digest(bytes);
                token = "crd_v1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            } while (TWELVE_DIGITS.matcher(token).find());
            return token;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 21's API surface we rely on
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static final class Takeovers {

        private static final int[] COMMON_MCC = {5411, 5812, 5541, 5912, 5311, 4121, 5814};
        private static final int[] RISKY_MCC = {5732, 5944, 4829, 7995, 5967};
        private static final String[] FOREIGN = {"Italy", "Mexico", "Nigeria", "Romania"};

        private final Random random;
        private final String runId;

        private Takeovers(long seed) {
            this.random = new Random(seed);
            this.runId = HexFormat.of().toHexDigits(seed).substring(8);
        }

        /**
         * Transactions of {@code cards} cards (two per customer) over [from, from + duration), sorted by time, with about
         * {@code fraudShare} of the cards compromised once in the period.
         */
        List<TransactionRecordedV1> generate(
                int cards, Instant from, Duration duration, double perCardPerDay, double fraudShare) {
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
                    long merchant = random.nextDouble() < 0.9
                            ? merchants[random.nextInt(merchants.length)]
                            : random.nextInt(50_000);
                    Channel channel = random.nextDouble() < 0.15
                            ? Channel.ONLINE
                            : random.nextDouble() < 0.7 ? Channel.CHIP : Channel.SWIPE;
                    double amount = Math.max(1, typical * Math.exp(random.nextGaussian() * 0.5));
                    List<String> errors = random.nextDouble() < 0.02 ? List.of("Insufficient Balance") : List.of();
                    // genuine but unusual (a trip, a big purchase): what keeps the problem from being trivially
                    // separable
                    boolean unusual = random.nextDouble() < 0.03;
                    out.add(tx(
                            card,
                            customer,
                            t,
                            unusual ? amount * (2 + random.nextDouble() * 3) : amount,
                            unusual ? 100_000 + random.nextInt(900_000) : merchant,
                            channel == Channel.ONLINE ? null : home,
                            unusual
                                    ? RISKY_MCC[random.nextInt(RISKY_MCC.length)]
                                    : COMMON_MCC[random.nextInt(COMMON_MCC.length)],
                            channel,
                            errors,
                            false));
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
                        List<String> errors = random.nextDouble() < 0.3
                                ? List.of(random.nextBoolean() ? "Bad PIN" : "Bad CVV")
                                : List.of();
                        out.add(tx(
                                card,
                                customer,
                                t,
                                amount,
                                100_000 + random.nextInt(900_000),
                                abroad ? FOREIGN[random.nextInt(FOREIGN.length)] : null,
                                RISKY_MCC[random.nextInt(RISKY_MCC.length)],
                                abroad ? Channel.SWIPE : Channel.ONLINE,
                                errors,
                                true));
                    }
                }
            }
            out.sort(Comparator.comparing(TransactionRecordedV1::transactionTime));
            return out;
        }

        private int sequence;

        private TransactionRecordedV1 tx(
                Token card,
                Token customer,
                Instant time,
                double amount,
                long merchant,
                String state,
                int mcc,
                Channel channel,
                List<String> errors,
                boolean fraud) {
            String id = "tx-" + runId + "-" + (sequence++);
            return new TransactionRecordedV1(
                    id,
                    card,
                    customer,
                    time,
                    BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP),
                    "USD",
                    "m" + merchant,
                    state == null ? null : "City",
                    state,
                    null,
                    mcc,
                    channel,
                    errors,
                    fraud);
        }

        private Token token(String kind, int index) {
            // token format: 43 characters after the version, and never a twelve-digit run (the 'x's break them)
            String body = runId + "x" + String.format("%010d", index);
            return new Token(kind + "_v1_" + body + "x".repeat(Token.MAC_CHARS - body.length()));
        }
    }
}
