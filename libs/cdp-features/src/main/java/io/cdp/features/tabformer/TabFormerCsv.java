package io.cdp.features.tabformer;

import io.cdp.features.csv.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the TabFormer files ({@link Csv} splits the lines): quoted fields ({@code "Insufficient Balance,"}, {@code "$29,278 "}), CRLF or LF, money
 * as {@code $134.09}, {@code $-25.00} or {@code "$29,278 "}, zip codes written as floats ({@code 91750.0}).
 */
public final class TabFormerCsv {

    /** The header of each TabFormer file, in order: the one definition of the format's columns. */
    public static final List<String> USER_COLUMNS = List.of(
            "Person",
            "Current Age",
            "Retirement Age",
            "Birth Year",
            "Birth Month",
            "Gender",
            "Address",
            "Apartment",
            "City",
            "State",
            "Zipcode",
            "Latitude",
            "Longitude",
            "Per Capita Income - Zipcode",
            "Yearly Income - Person",
            "Total Debt",
            "FICO Score",
            "Num Credit Cards");

    public static final List<String> CARD_COLUMNS = List.of(
            "User",
            "CARD INDEX",
            "Card Brand",
            "Card Type",
            "Card Number",
            "Expires",
            "CVV",
            "Has Chip",
            "Cards Issued",
            "Credit Limit",
            "Acct Open Date",
            "Year PIN last Changed",
            "Card on Dark Web");
    public static final List<String> TRANSACTION_COLUMNS = List.of(
            "User",
            "Card",
            "Year",
            "Month",
            "Day",
            "Time",
            "Amount",
            "Use Chip",
            "Merchant Name",
            "Merchant City",
            "Merchant State",
            "Zip",
            "MCC",
            "Errors?",
            "Is Fraud?");

    private TabFormerCsv() {}

    public static List<TabFormerTransaction> readTransactions(Path file) throws IOException {
        List<TabFormerTransaction> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                return out;
            }
            String line;
            long row = 0;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(parseTransaction(row, Csv.splitStrict(line)));
                } catch (RuntimeException e) {
                    throw new IOException(file + ": data row " + row + ": " + e.getMessage(), e);
                }
                row++;
            }
        }
        return out;
    }

    static TabFormerTransaction parseTransaction(long row, List<String> f) {
        String[] hm = f.get(5).strip().split(":");
        LocalDateTime time = LocalDateTime.of(
                Integer.parseInt(f.get(2).strip()),
                Integer.parseInt(f.get(3).strip()),
                Integer.parseInt(f.get(4).strip()),
                Integer.parseInt(hm[0]),
                Integer.parseInt(hm[1]));
        String zip = f.get(11).strip();
        return new TabFormerTransaction(
                row,
                Integer.parseInt(f.get(0).strip()),
                Integer.parseInt(f.get(1).strip()),
                time,
                money(f.get(6)),
                useChip(f.get(7)),
                Long.parseLong(f.get(8).strip()),
                f.get(9).strip(),
                f.get(10).strip(),
                zip.isEmpty() ? null : normaliseZip(zip),
                Integer.parseInt(f.get(12).strip()),
                f.get(13).strip(),
                f.get(14).strip().equalsIgnoreCase("Yes"));
    }

    static TabFormerTransaction.UseChip useChip(String s) {
        return switch (s.strip()) {
            case "Swipe Transaction" -> TabFormerTransaction.UseChip.SWIPE;
            case "Chip Transaction" -> TabFormerTransaction.UseChip.CHIP;
            case "Online Transaction" -> TabFormerTransaction.UseChip.ONLINE;
            default -> TabFormerTransaction.UseChip.UNKNOWN;
        };
    }

    /** {@code $134.09}, {@code $-25.00}, {@code "$29,278 "}: strip the dollar, thousands separators and blanks. */
    public static double money(String s) {
        String t = s.strip().replace("$", "").replace(",", "").strip();
        return Double.parseDouble(t);
    }

    /** {@code 91750.0} and {@code 1234} become 5-digit strings ({@code 91750}, {@code 01234}). */
    public static String normaliseZip(String s) {
        String t = s.strip();
        int dot = t.indexOf('.');
        if (dot >= 0) {
            t = t.substring(0, dot);
        }
        return t.length() >= 5 ? t : "0".repeat(5 - t.length()) + t;
    }

    /** Home coordinates per user id (the 0-based row of the users file). PII: keep inside the core zone. */
    public static Map<Integer, GeoPoint> readUserHomes(Path usersFile) throws IOException {
        Map<Integer, GeoPoint> homes = new HashMap<>();
        for (Map.Entry<Integer, List<String>> e : readUsers(usersFile).entrySet()) {
            homes.put(
                    e.getKey(),
                    new GeoPoint(
                            Double.parseDouble(e.getValue().get(11).strip()),
                            Double.parseDouble(e.getValue().get(12).strip())));
        }
        return homes;
    }

    /**
     * A zip-code gazetteer from the users file (zip to the coordinates of a user living there): the only geography
     * the TabFormer release ships. A merchant zip absent from it has an unknown location.
     */
    public static Map<String, GeoPoint> readZipGazetteer(Path usersFile) throws IOException {
        Map<String, GeoPoint> zips = new HashMap<>();
        for (List<String> u : readUsers(usersFile).values()) {
            zips.putIfAbsent(
                    normaliseZip(u.get(10)),
                    new GeoPoint(
                            Double.parseDouble(u.get(11).strip()),
                            Double.parseDouble(u.get(12).strip())));
        }
        return zips;
    }

    private static Map<Integer, List<String>> readUsers(Path usersFile) throws IOException {
        Map<Integer, List<String>> users = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(usersFile, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            int id = 0;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    users.put(id++, Csv.splitStrict(line));
                }
            }
        }
        return users;
    }
}
