package io.cdp.core.tabformer;

import io.cdp.events.payload.Channel;
import io.cdp.features.tabformer.TabFormerCsv;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses rows of the three TabFormer files as the datasets README describes them: columns looked up by
 * header name, money as {@code $29278}, {@code "$29,278 "} or {@code $-25.00}, zips as floats
 * ({@code 91750.0}), foreign merchants with the country in Merchant State and no zip, quoted error lists.
 * Every failure is a {@link RowException} whose reason names the column, never the value (the value may
 * be personal data). One parser per file; not thread-safe (transaction sequence numbers are stateful).
 */
public final class TabFormerParser {

    public static final List<String> USER_COLUMNS = TabFormerCsv.USER_COLUMNS;
    public static final List<String> CARD_COLUMNS = TabFormerCsv.CARD_COLUMNS;
    public static final List<String> TRANSACTION_COLUMNS = TabFormerCsv.TRANSACTION_COLUMNS;

    private static final Pattern MONEY = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");
    private static final Pattern TIME = Pattern.compile("^([0-9]{1,2}):([0-9]{2})$");
    private static final Pattern MONTH_YEAR = Pattern.compile("^([0-9]{1,2})/([0-9]{4})$");

    /** Optional column of the users file (not in TabFormer; written by libs/cdp-datagen). */
    public static final String PHONE_COLUMN = "Phone";

    public static final Pattern FICTIONAL_PHONE = Pattern.compile("^\\+1[2-9][0-9]{2}55501[0-9]{2}$");

    private static final int[] AREA_CODES = {212, 312, 415, 512, 617, 702, 206, 303, 404, 713};

    private final int[] index;
    private final int phoneIndex;
    private final int width;
    private String lastCard = "";
    private final Map<String, Integer> sequenceInMinute = new HashMap<>();

    private TabFormerParser(List<String> header, List<String> expected) throws RowException {
        this.width = header.size();
        this.index = new int[expected.size()];
        for (int i = 0; i < expected.size(); i++) {
            index[i] = header.indexOf(expected.get(i));
            if (index[i] < 0) {
                throw new RowException("header lacks column '" + expected.get(i) + "'");
            }
        }
        this.phoneIndex = expected == USER_COLUMNS ? header.indexOf(PHONE_COLUMN) : -1;
    }

    public static TabFormerParser users(List<String> header) throws RowException {
        return new TabFormerParser(trim(header), USER_COLUMNS);
    }

    public static TabFormerParser cards(List<String> header) throws RowException {
        return new TabFormerParser(trim(header), CARD_COLUMNS);
    }

    public static TabFormerParser transactions(List<String> header) throws RowException {
        return new TabFormerParser(trim(header), TRANSACTION_COLUMNS);
    }

    /** @param rowNumber 0-based data row number: the user id in a users file, which has no id column */
    public Customer customer(List<String> row, long rowNumber) throws RowException {
        List<String> f = fields(row, USER_COLUMNS);
        String name = required(f, 0, "Person");
        String id = Long.toString(rowNumber);
        return new Customer(
                id,
                name,
                integer(f, 1, "Current Age"),
                integer(f, 2, "Retirement Age"),
                integer(f, 3, "Birth Year"),
                month(integer(f, 4, "Birth Month"), "Birth Month"),
                required(f, 5, "Gender"),
                required(f, 6, "Address"),
                optional(f.get(7)),
                required(f, 8, "City"),
                required(f, 9, "State"),
                zip(f.get(10), "Zipcode", true),
                decimal(f, 11, "Latitude"),
                decimal(f, 12, "Longitude"),
                money(f, 13, "Per Capita Income - Zipcode"),
                money(f, 14, "Yearly Income - Person"),
                money(f, 15, "Total Debt"),
                integer(f, 16, "FICO Score"),
                integer(f, 17, "Num Credit Cards"),
                email(name, id),
                phone(row, id));
    }

    public Card card(List<String> row) throws RowException {
        List<String> f = fields(row, CARD_COLUMNS);
        String number = required(f, 4, "Card Number");
        if (!number.matches("[0-9]{12,19}")) {
            throw new RowException("Card Number is not 12-19 digits");
        }
        String cvv = required(f, 6, "CVV");
        if (!cvv.matches("[0-9]{1,4}")) {
            throw new RowException("CVV is not 1-4 digits");
        }
        return new Card(
                Integer.toString(integer(f, 0, "User")),
                integer(f, 1, "CARD INDEX"),
                required(f, 2, "Card Brand"),
                required(f, 3, "Card Type"),
                number,
                monthYear(f, 5, "Expires"),
                cvv,
                yes(f, 7, "Has Chip"),
                integer(f, 8, "Cards Issued"),
                money(f, 9, "Credit Limit"),
                monthYear(f, 10, "Acct Open Date"),
                integer(f, 11, "Year PIN last Changed"),
                yes(f, 12, "Card on Dark Web"));
    }

    public Transaction transaction(List<String> row) throws RowException {
        List<String> f = fields(row, TRANSACTION_COLUMNS);
        String customerId = Integer.toString(integer(f, 0, "User"));
        int cardIndex = integer(f, 1, "Card");
        var time = TIME.matcher(required(f, 5, "Time"));
        if (!time.matches()) {
            throw new RowException("Time is not HH:MM");
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.of(
                    integer(f, 2, "Year"),
                    integer(f, 3, "Month"),
                    integer(f, 4, "Day"),
                    Integer.parseInt(time.group(1)),
                    Integer.parseInt(time.group(2)));
        } catch (DateTimeException e) {
            throw new RowException("impossible date or time in Year/Month/Day/Time");
        }
        Channel channel = switch (required(f, 7, "Use Chip")) {
            case "Chip Transaction" -> Channel.CHIP;
            case "Swipe Transaction" -> Channel.SWIPE;
            case "Online Transaction" -> Channel.ONLINE;
            default -> throw new RowException("Use Chip is not Chip/Swipe/Online Transaction");
        };
        String merchant = required(f, 8, "Merchant Name");
        if (!merchant.matches("-?[0-9]{1,20}")) {
            throw new RowException("Merchant Name is not a 64-bit merchant hash");
        }
        int mcc = integer(f, 12, "MCC");
        if (mcc < 0 || mcc > 9999) {
            throw new RowException("MCC is not 0-9999");
        }
        List<String> errors = new ArrayList<>();
        for (String e : f.get(13).split(",")) {
            if (!e.isBlank()) {
                errors.add(e.trim());
            }
        }
        boolean fraud = switch (required(f, 14, "Is Fraud?")) {
            case "Yes" -> true;
            case "No" -> false;
            default -> throw new RowException("Is Fraud? is not Yes/No");
        };
        String cardId = Card.cardId(customerId, cardIndex);
        if (!cardId.equals(lastCard)) {
            sequenceInMinute.clear();
            lastCard = cardId;
        }
        int sequence = sequenceInMinute.merge(at.toString(), 1, Integer::sum) - 1;
        return new Transaction(
                customerId,
                cardIndex,
                at,
                sequence,
                money(f, 6, "Amount"),
                channel,
                merchant,
                optional(f.get(9)),
                optional(f.get(10)),
                zip(f.get(11), "Zip", false),
                mcc,
                errors,
                fraud);
    }

    private List<String> fields(List<String> row, List<String> expected) throws RowException {
        if (row.size() != width) {
            throw new RowException("expected " + width + " columns, found " + row.size());
        }
        List<String> out = new ArrayList<>(expected.size());
        for (int i : index) {
            out.add(row.get(i).trim());
        }
        return out;
    }

    private static String required(List<String> f, int i, String column) throws RowException {
        String v = f.get(i);
        if (v.isEmpty()) {
            throw new RowException(column + " is empty");
        }
        return v;
    }

    private static String optional(String v) {
        return v.isEmpty() ? null : v;
    }

    private static int integer(List<String> f, int i, String column) throws RowException {
        try {
            return Integer.parseInt(required(f, i, column));
        } catch (NumberFormatException e) {
            throw new RowException(column + " is not an integer");
        }
    }

    private static BigDecimal decimal(List<String> f, int i, String column) throws RowException {
        try {
            return new BigDecimal(required(f, i, column));
        } catch (NumberFormatException e) {
            throw new RowException(column + " is not a number");
        }
    }

    /** {@code $134.09}, {@code $-25.00}, {@code -$25}, {@code $29278}, {@code "$29,278 "}. */
    static BigDecimal money(List<String> f, int i, String column) throws RowException {
        String v = required(f, i, column).replace("$", "").replace(",", "").replace(" ", "");
        if (!MONEY.matcher(v).matches()) {
            throw new RowException(column + " is not a money amount");
        }
        return new BigDecimal(v);
    }

    private static int month(int month, String column) throws RowException {
        if (month < 1 || month > 12) {
            throw new RowException(column + " is not 1-12");
        }
        return month;
    }

    private static YearMonth monthYear(List<String> f, int i, String column) throws RowException {
        var m = MONTH_YEAR.matcher(required(f, i, column));
        if (!m.matches()) {
            throw new RowException(column + " is not MM/YYYY");
        }
        try {
            return YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            throw new RowException(column + " is not a real month");
        }
    }

    private static boolean yes(List<String> f, int i, String column) throws RowException {
        return switch (required(f, i, column).toUpperCase(Locale.ROOT)) {
            case "YES" -> true;
            case "NO" -> false;
            default -> throw new RowException(column + " is not Yes/No");
        };
    }

    /** Five digits from {@code 91750}, {@code 91750.0} or a zip that lost its leading zero; null when empty and optional. */
    private static String zip(String v, String column, boolean required) throws RowException {
        if (v.isEmpty()) {
            if (required) {
                throw new RowException(column + " is empty");
            }
            return null;
        }
        String z = v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
        if (!z.matches("[0-9]{1,5}")) {
            throw new RowException(column + " is not a zip code");
        }
        return "0".repeat(5 - z.length()) + z;
    }

    /**
     * TabFormer has no phone number either. The suite's generator adds an optional {@value #PHONE_COLUMN} column (a
     * fictional number, checked here: anything outside the fictional range is rejected, so a real number never enters
     * through a test file); without it a stable fictional one is made from the id, like the e-mail.
     */
    private String phone(List<String> row, String id) throws RowException {
        if (phoneIndex >= 0) {
            String v = row.get(phoneIndex).trim();
            if (!FICTIONAL_PHONE.matcher(v).matches()) {
                throw new RowException(PHONE_COLUMN + " is not a fictional number (+1AAA55501XX)");
            }
            return v;
        }
        return fictionalPhone(Long.parseLong(id));
    }

    /** {@code +1 <area> 555 01xx}: the 555-0100..0199 block is reserved for fiction in the North American plan. */
    public static String fictionalPhone(long id) {
        int area = AREA_CODES[(int) Math.floorMod(id, (long) AREA_CODES.length)];
        return "+1" + area + "55501" + String.format("%02d", Math.floorMod(id / AREA_CODES.length, 100L));
    }

    private static String email(String name, String id) {
        // TabFormer has no e-mail; the bank's record needs one for alerts, so a stable synthetic one is made
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
        return (local.isEmpty() ? "customer" : local) + "." + id + "@example.com";
    }

    private static List<String> trim(List<String> header) {
        return header.stream().map(String::trim).toList();
    }
}
