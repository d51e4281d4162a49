package io.cdp.trainer.clv;

import io.cdp.customers.analytics.DailySpend;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Customers' purchase histories as daily spend, in the order customers first appear: from CDNOW's file
 * (whitespace-separated customer id, yyyymmdd date, quantity, dollar value), a {@code customer,date,amount} CSV, or
 * any list of purchases (the lake's card transactions).
 */
public final class Histories {

    /** One purchase. */
    public record Purchase(String customer, LocalDate day, int count, double amount) {}

    /** A customer's history: daily spend in day order, and the first day seen. */
    public record History(String customer, LocalDate firstSeen, List<DailySpend> days) {

        /** Spend on days in {@code (from, to]}. */
        public double spendBetween(LocalDate fromExclusive, LocalDate toInclusive) {
            double sum = 0;
            for (DailySpend d : days) {
                if (d.day().isAfter(fromExclusive) && !d.day().isAfter(toInclusive)) {
                    sum += d.amount();
                }
            }
            return sum;
        }
    }

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private Histories() {}

    /** Groups purchases by customer and day. */
    public static List<History> of(Iterable<Purchase> purchases) {
        Map<String, TreeMap<LocalDate, double[]>> byCustomer = new LinkedHashMap<>();
        for (Purchase p : purchases) {
            double[] agg = byCustomer
                    .computeIfAbsent(p.customer(), k -> new TreeMap<>())
                    .computeIfAbsent(p.day(), k -> new double[2]);
            agg[0] += p.count();
            agg[1] += p.amount();
        }
        List<History> out = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customer, days) -> {
            List<DailySpend> list = new ArrayList<>(days.size());
            days.forEach((day, agg) -> list.add(new DailySpend(day, (int) agg[0], agg[1])));
            out.add(new History(customer, days.firstKey(), List.copyOf(list)));
        });
        return out;
    }

    /** CDNOW's master file: a header line is skipped, every other line must parse. */
    public static List<History> readCdnow(Path file) throws IOException {
        List<Purchase> purchases = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String[] f = line.trim().split("\\s+");
                if (f.length == 0 || f[0].isEmpty() || !Character.isDigit(f[0].charAt(0))) {
                    continue;
                }
                if (f.length != 4) {
                    throw new IllegalArgumentException(file + ":" + number + ": expected 4 fields, got " + f.length);
                }
                try {
                    purchases.add(new Purchase(
                            f[0], LocalDate.parse(f[1], BASIC), Integer.parseInt(f[2]), Double.parseDouble(f[3])));
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return of(purchases);
    }

    /** A CSV with a header naming {@code customer}, {@code date} (ISO or yyyymmdd) and {@code amount} columns. */
    public static List<History> readCsv(Path file) throws IOException {
        List<Purchase> purchases = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            List<String> columns = List.of(header.trim().toLowerCase().split("\\s*,\\s*"));
            int c = columns.indexOf("customer");
            int d = columns.indexOf("date");
            int a = columns.indexOf("amount");
            if (c < 0 || d < 0 || a < 0) {
                throw new IllegalArgumentException(
                        file + ": the header needs customer, date and amount columns, got " + columns);
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < columns.size()) {
                    throw new IllegalArgumentException(
                            file + ":" + number + ": expected " + columns.size() + " fields");
                }
                try {
                    String date = f[d].trim();
                    LocalDate day = date.length() == 8 ? LocalDate.parse(date, BASIC) : LocalDate.parse(date);
                    purchases.add(new Purchase(f[c].trim(), day, 1, Double.parseDouble(f[a].trim())));
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return of(purchases);
    }
}
