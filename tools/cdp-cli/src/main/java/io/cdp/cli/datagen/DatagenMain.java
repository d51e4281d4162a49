package io.cdp.cli.datagen;

import io.cdp.datagen.TabFormerGenerator;
import java.nio.file.Path;
import java.time.LocalDate;

/** {@code ./cdp datagen --out DIR [--users N] [--seed S] [--days D] [--start YYYY-MM-DD] [--fraud-boost K]}. */
public final class DatagenMain {

    private DatagenMain() {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        int users = 2000;
        long seed = 42;
        int days = 365;
        LocalDate start = LocalDate.of(2019, 1, 1);
        int fraudBoost = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--start" -> start = LocalDate.parse(args[++i]);
                case "--fraud-boost" -> fraudBoost = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println(
                            "usage: ./cdp datagen --out DIR [--users N] [--seed S] [--days D] [--start YYYY-MM-DD] [--fraud-boost K]");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("datagen: --out DIR is required");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        var stats =
                new TabFormerGenerator(new TabFormerGenerator.Options(users, seed, start, days, fraudBoost)).write(out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "fraud by scenario: card_testing=%d compromised_merchant=%d account_takeover=%d cnp_spree=%d%n",
                stats.cardTesting(), stats.compromisedMerchant(), stats.accountTakeover(), stats.cnpSpree());
        System.out.printf(
                "generated users=%d cards=%d transactions=%d frauds=%d seconds=%.1f rows_per_s=%.0f%n",
                stats.users(),
                stats.cards(),
                stats.transactions(),
                stats.frauds(),
                seconds,
                stats.transactions() / seconds);
    }
}
