package io.cdp.scoringapi.model;

import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated card transactions for a first model when no real one is published yet: ordinary card use (a few
 * purchases a day, mostly chip at the card's usual merchants) and card-testing attacks, the pattern the velocity
 * features exist for: a burst of small online charges at new merchants minutes apart, then a few large ones.
 * Every transaction of a burst is labelled fraud ({@link OnlineTransaction#fraudLabel()}). Deterministic for a seed.
 */
public final class SyntheticCardData {

    private static final String[] STATES = {"CA", "NY", "TX", "FL", "IL", "WA"};
    private static final int[] STORE_MCC = {5411, 5812, 5541, 5912, 5311};
    private static final int[] ONLINE_MCC = {5999, 5732, 4899};
    /** Card testers use ordinary online merchants: an MCC only bursts used made the MCC risk feature a label leak. */
    private static final int[] TESTING_MCC = {5999, 5732, 4899};

    private SyntheticCardData() {
    }

    /**
     * @param cards  cards with ordinary history
     * @param days   days of history from {@code from}
     * @param bursts card-testing attacks on random cards, each on a random day after the first
     */
    public static List<OnlineTransaction> generate(long seed, int cards, LocalDate from, int days, int bursts) {
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
                    long t = start + d * 86_400_000L + (7 + random.nextInt(16)) * 3_600_000L + random.nextInt(3_600_000);
                    double amount = Math.round(Math.exp(3.3 + 0.8 * gaussian(random)) * 100) / 100.0;
                    double u = random.nextDouble();
                    UseChip channel = u < 0.70 ? UseChip.CHIP : u < 0.85 ? UseChip.SWIPE : UseChip.ONLINE;
                    boolean online = channel == UseChip.ONLINE;
                    String merchant = online ? "shop-" + random.nextInt(30)
                            : random.nextDouble() < 0.15 ? "m-x-" + random.nextInt(1_000_000) : "m-" + c + "-" + random.nextInt(6);
                    int mcc = online ? ONLINE_MCC[random.nextInt(ONLINE_MCC.length)] : STORE_MCC[random.nextInt(STORE_MCC.length)];
                    List<String> errors = random.nextDouble() < 0.015 ? List.of("Insufficient Balance") : List.of();
                    out.add(new OnlineTransaction("tx-" + txCounter++, null, tokens[c], Instant.ofEpochMilli(t), amount,
                            channel, merchant, null, online ? null : state, online ? null : zip, mcc, errors, false));
                    if (random.nextDouble() < 0.05) {
                        // people do pay twice in a row (a split bill, a forgotten item): velocity alone is not fraud
                        out.add(new OnlineTransaction("tx-" + txCounter++, null, tokens[c],
                                Instant.ofEpochMilli(t + 30_000 + random.nextInt(270_000)), Math.round(amount * 37) / 100.0,
                                channel, merchant, null, online ? null : state, online ? null : zip, mcc, List.of(), false));
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
                        ? List.of(random.nextBoolean() ? "Bad CVV" : "Insufficient Balance") : List.of();
                out.add(new OnlineTransaction("tx-" + txCounter++, null, card, Instant.ofEpochMilli(t), amount,
                        UseChip.ONLINE, "fm-" + random.nextInt(1_000_000), null, null, null,
                        TESTING_MCC[random.nextInt(TESTING_MCC.length)], errors, true));
            }
        }
        out.sort(Comparator.comparing(OnlineTransaction::time));
        return out;
    }

    /** A token-shaped card reference ({@code crd_} + 22 base64url characters), as the core-banking zone issues. */
    public static String cardToken(SplittableRandom random) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return "crd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 21's API surface we rely on
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
