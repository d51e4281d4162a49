package io.cdp.datagen;

import io.cdp.features.tabformer.TabFormerCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes TabFormer-format users, cards and transactions with plausible behaviour and labelled fraud.
 *
 * <p>Behaviour: spend amounts scale with income; merchant categories follow a fixed mix (groceries most
 * often, hotels rarely); each customer shops in their home city's merchant pool, with a little travel;
 * chip, swipe and online use vary by card and category; activity follows weekday and hour-of-day
 * profiles; one to four cards per customer. Fraud comes from four scenarios, labelled {@code Is Fraud?=Yes}:
 * card testing (a burst of tiny online amounts within minutes, then a large one), a compromised merchant
 * (cards of one city hit at one merchant over several days), account takeover (large amounts from a new
 * geography) and card-not-present sprees (several online purchases at different merchants within hours).
 *
 * <p>Deterministic: every customer draws from a generator seeded by the run's seed and the customer's
 * number, and all formatting is explicit, so the same options give the same bytes. Each card's ordinary purchases
 * and its fraud draw from streams of their own (seeded by the seed, the customer and the card), so neither the start
 * date (whose weekdays change how many purchases a day draws) nor the fraud boost moves anything else: the people,
 * their cards and where in the span fraud strikes are the same whatever day the data is generated on. The demo,
 * which generates a history ending today, relies on that to find the same fraud in its live days every day.
 */
public final class TabFormerGenerator {

    /**
     * @param fraudBoost how many times more often each fraud scenario starts than by default (1: the default rates, about
     *     0.1 % of transactions; a demo over a few days of live traffic needs more to show any). 1 gives the same bytes
     *     as before this option existed.
     */
    public record Options(int users, long seed, LocalDate start, int days, int fraudBoost) {
        public Options {
            if (users < 1 || days < 1) {
                throw new IllegalArgumentException("users and days must be positive");
            }
            if (fraudBoost < 1 || fraudBoost > 100) {
                throw new IllegalArgumentException("fraudBoost must be 1..100, was " + fraudBoost);
            }
        }

        public Options(int users, long seed, LocalDate start, int days) {
            this(users, seed, start, days, 1);
        }
    }

    public record Stats(
            long users,
            long cards,
            long transactions,
            long frauds,
            long cardTesting,
            long compromisedMerchant,
            long accountTakeover,
            long cnpSpree) {}

    private static final double[] HOUR_WEIGHTS = {
        0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.5, 2.2, 2.5, 2.8, 3.2, 3.8, 3.3, 2.9, 2.8, 3.0, 3.5, 3.8, 3.2, 2.4, 1.7,
        1.0, 0.5
    };
    private static final double[] HOUR_CDF = cdf(HOUR_WEIGHTS);
    private static final double[] CATEGORY_CDF = cdf(Vocabulary.CATEGORIES.stream()
            .mapToDouble(Vocabulary.Category::weight)
            .toArray());
    private static final int MERCHANTS_PER_CITY_AND_CATEGORY = 12;
    /** Salts the seed of each card's fraud stream, so it never coincides with the card's ordinary one. */
    private static final long FRAUD_STREAM = 0x5DEECE66DL;

    private static final String[] ERRORS = {
        "Insufficient Balance", "Bad PIN", "Technical Glitch", "Bad CVV", "Bad Expiration"
    };

    private final Options options;
    private final int compromisedCity;
    private final long compromisedMerchant;
    private final int compromisedMcc;
    private final int compromisedFromDay;
    private final int compromisedDays;

    public TabFormerGenerator(Options options) {
        this.options = options;
        SplittableRandom global = new SplittableRandom(options.seed());
        this.compromisedCity = global.nextInt(Vocabulary.CITIES.size());
        this.compromisedMcc = 5812;
        this.compromisedMerchant =
                merchantId(compromisedCity, compromisedMcc, global.nextInt(MERCHANTS_PER_CITY_AND_CATEGORY));
        this.compromisedDays = Math.min(options.days(), 3 + global.nextInt(5));
        this.compromisedFromDay = global.nextInt(Math.max(1, options.days() - compromisedDays + 1));
    }

    /** Writes {@code users.csv}, {@code cards.csv} and {@code transactions.csv} into {@code out}. */
    public Stats write(Path out) throws IOException {
        Files.createDirectories(out);
        long cards = 0, transactions = 0;
        long[] scenarios = new long[4];
        try (BufferedWriter users = Files.newBufferedWriter(out.resolve("users.csv"), StandardCharsets.UTF_8);
                BufferedWriter cardOut = Files.newBufferedWriter(out.resolve("cards.csv"), StandardCharsets.UTF_8);
                BufferedWriter txOut = Files.newBufferedWriter(
                        out.resolve("transactions.csv"),
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                        java.nio.file.StandardOpenOption.WRITE)) {
            // TabFormer's columns plus a fictional phone number (the bank's record needs one for SMS alerts); readers
            // find columns by name, so the extra last column leaves every TabFormer reader as it was
            users.write(String.join(",", TabFormerCsv.USER_COLUMNS) + "," + PHONE_COLUMN + "\n");
            cardOut.write(String.join(",", TabFormerCsv.CARD_COLUMNS) + "\n");
            txOut.write(String.join(",", TabFormerCsv.TRANSACTION_COLUMNS) + "\n");
            StringBuilder line = new StringBuilder(256);
            for (int u = 0; u < options.users(); u++) {
                SplittableRandom rng = new SplittableRandom(mix(options.seed(), u));
                Person p = person(rng, u);
                line.setLength(0);
                p.write(line);
                users.write(line.toString());
                for (int c = 0; c < p.numCardsHeld; c++) {
                    CardSpec card = card(rng, u, c);
                    line.setLength(0);
                    card.write(line, u, c, p.numCards);
                    cardOut.write(line.toString());
                    cards++;
                    List<Tx> txs = transactions(
                            new SplittableRandom(mix(mix(options.seed(), u), c)),
                            new SplittableRandom(mix(mix(options.seed() ^ FRAUD_STREAM, u), c)),
                            p,
                            card);
                    txs.sort(null);
                    for (Tx t : txs) {
                        line.setLength(0);
                        t.write(line, u, c, options.start());
                        txOut.write(line.toString());
                        if (t.scenario > 0) {
                            scenarios[t.scenario - 1]++;
                        }
                    }
                    transactions += txs.size();
                }
            }
        }
        long frauds = scenarios[0] + scenarios[1] + scenarios[2] + scenarios[3];
        return new Stats(
                options.users(), cards, transactions, frauds, scenarios[0], scenarios[1], scenarios[2], scenarios[3]);
    }

    // ------------------------------------------------------------------ customers and cards

    record Person(
            String name,
            int age,
            int retirementAge,
            int birthYear,
            int birthMonth,
            String gender,
            String address,
            String apartment,
            int city,
            int zip,
            double lat,
            double lon,
            long perCapitaIncome,
            long income,
            long debt,
            int fico,
            int numCards,
            int numCardsHeld,
            double activity,
            String phone) {

        /** Generated, but shaped like real PII: printed, it would look like a leak in any log. */
        @Override
        public String toString() {
            return "Person[all fields redacted]";
        }

        void write(StringBuilder b) {
            Vocabulary.City c = Vocabulary.CITIES.get(city);
            b.append(name)
                    .append(',')
                    .append(age)
                    .append(',')
                    .append(retirementAge)
                    .append(',')
                    .append(birthYear)
                    .append(',')
                    .append(birthMonth)
                    .append(',')
                    .append(gender)
                    .append(',')
                    .append(address)
                    .append(',')
                    .append(apartment)
                    .append(',')
                    .append(c.name())
                    .append(',')
                    .append(c.state())
                    .append(',')
                    .append(zip)
                    .append(',');
            fixed2(b, lat).append(',');
            fixed2(b, lon).append(',');
            b.append('$')
                    .append(perCapitaIncome)
                    .append(",$")
                    .append(income)
                    .append(",$")
                    .append(debt)
                    .append(',')
                    .append(fico)
                    .append(',')
                    .append(numCards)
                    .append(',')
                    .append(phone)
                    .append('\n');
        }
    }

    /** The users file's extra column. */
    public static final String PHONE_COLUMN = "Phone";

    /**
     * A number of the North American block reserved for fiction, {@code +1 AAA 555 0100..0199} (E.164): the area code
     * from the customer's city, the last two digits from the user index. Derived, not drawn, so adding phones left
     * every other generated value as it was.
     */
    public static String fictionalPhone(int cityIndex, int user) {
        int area = 201 + Math.floorMod(cityIndex * 37, 790);
        return "+1" + area + "55501" + String.format("%02d", Math.floorMod(user, 100));
    }

    private Person person(SplittableRandom rng, int u) {
        String first = Vocabulary.FIRST[rng.nextInt(Vocabulary.FIRST.length)];
        String last = Vocabulary.LAST[rng.nextInt(Vocabulary.LAST.length)];
        int age = 18 + (int) Math.min(80, Math.abs(gaussian(rng) * 18 + 30));
        int birthYear = options.start().getYear() - age;
        int city = rng.nextInt(Vocabulary.CITIES.size());
        Vocabulary.City c = Vocabulary.CITIES.get(city);
        long income = Math.round(Math.exp(Math.log(52_000) + 0.5 * gaussian(rng)));
        long perCapita = Math.round(income * (0.4 + 0.2 * rng.nextDouble()));
        int fico = (int) Math.max(480, Math.min(850, 700 + 60 * gaussian(rng)));
        int held = 1 + rng.nextInt(4);
        String address = (100 + rng.nextInt(9800)) + " " + Vocabulary.STREET[rng.nextInt(Vocabulary.STREET.length)]
                + " " + Vocabulary.STREET_SUFFIX[rng.nextInt(Vocabulary.STREET_SUFFIX.length)];
        String apartment = rng.nextInt(5) == 0 ? Integer.toString(1 + rng.nextInt(40)) : "";
        return new Person(
                first + " " + last,
                age,
                62 + rng.nextInt(9),
                birthYear,
                1 + rng.nextInt(12),
                rng.nextBoolean() ? "Female" : "Male",
                address,
                apartment,
                city,
                c.zipBase() + rng.nextInt(8),
                c.lat() + (rng.nextDouble() - 0.5) * 0.1,
                c.lon() + (rng.nextDouble() - 0.5) * 0.1,
                perCapita,
                income,
                Math.round(income * rng.nextDouble() * 2.5),
                fico,
                held + rng.nextInt(3),
                held,
                0.5 + rng.nextDouble() * 1.5 * Math.sqrt(income / 52_000.0),
                fictionalPhone(city, u));
    }

    record CardSpec(
            String brand,
            String type,
            String number,
            int expMonth,
            int expYear,
            int cvv,
            boolean chip,
            int issued,
            long limit,
            int openMonth,
            int openYear,
            int pinYear,
            double onlineShare,
            double chipShare) {

        /** Never the card number, expiry or CVV, generated or not. */
        @Override
        public String toString() {
            return "CardSpec[brand=" + brand + ", type=" + type + ", number, expiry and cvv redacted]";
        }

        void write(StringBuilder b, int u, int c, int numCards) {
            b.append(u)
                    .append(',')
                    .append(c)
                    .append(',')
                    .append(brand)
                    .append(',')
                    .append(type)
                    .append(',')
                    .append(number)
                    .append(',');
            two(b, expMonth).append('/').append(expYear).append(',');
            three(b, cvv)
                    .append(',')
                    .append(chip ? "YES" : "NO")
                    .append(',')
                    .append(issued)
                    .append(",$")
                    .append(limit)
                    .append(',');
            two(b, openMonth)
                    .append('/')
                    .append(openYear)
                    .append(',')
                    .append(pinYear)
                    .append(",No\n");
        }
    }

    private CardSpec card(SplittableRandom rng, int u, int c) {
        int brandPick = rng.nextInt(100);
        String brand;
        String prefix;
        int length = 16;
        if (brandPick < 50) {
            brand = "Visa";
            prefix = "4";
        } else if (brandPick < 85) {
            brand = "Mastercard";
            prefix = "5" + (1 + rng.nextInt(5));
        } else if (brandPick < 95) {
            brand = "Amex";
            prefix = rng.nextBoolean() ? "34" : "37";
            length = 15;
        } else {
            brand = "Discover";
            prefix = "6011";
        }
        String type = rng.nextInt(10) < 6 ? "Debit" : rng.nextInt(10) < 8 ? "Credit" : "Debit (Prepaid)";
        int openYear = options.start().getYear() - 1 - rng.nextInt(15);
        boolean chip = rng.nextInt(10) < 9;
        return new CardSpec(
                brand,
                type,
                luhn(rng, prefix, length),
                1 + rng.nextInt(12),
                options.start().getYear() + 1 + rng.nextInt(6),
                rng.nextInt(1000),
                chip,
                1 + rng.nextInt(2),
                1000 + 500L * rng.nextInt(60),
                1 + rng.nextInt(12),
                openYear,
                openYear + rng.nextInt(Math.max(1, options.start().getYear() - openYear)),
                0.05 + rng.nextDouble() * 0.25,
                chip ? 0.5 + rng.nextDouble() * 0.45 : 0);
    }

    /** A card number with the brand's prefix and a valid Luhn check digit. */
    static String luhn(SplittableRandom rng, String prefix, int length) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append((char) ('0' + rng.nextInt(10)));
        }
        int sum = 0;
        for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = digits.charAt(i) - '0';
            if (k % 2 == 0) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return digits.append((char) ('0' + (10 - sum % 10) % 10)).toString();
    }

    // ------------------------------------------------------------------ transactions

    private record Tx(
            long minute,
            long cents,
            char channel,
            long merchant,
            String city,
            String state,
            String zip,
            int mcc,
            String errors,
            int scenario)
            implements Comparable<Tx> {

        @Override
        public int compareTo(Tx o) {
            return Long.compare(minute, o.minute);
        }

        void write(StringBuilder b, int u, int c, LocalDate start) {
            LocalDateTime t = start.atStartOfDay().plusMinutes(minute);
            b.append(u)
                    .append(',')
                    .append(c)
                    .append(',')
                    .append(t.getYear())
                    .append(',')
                    .append(t.getMonthValue())
                    .append(',')
                    .append(t.getDayOfMonth())
                    .append(',');
            two(b, t.getHour()).append(':');
            two(b, t.getMinute()).append(",$");
            if (cents < 0) b.append('-');
            long abs = Math.abs(cents);
            b.append(abs / 100).append('.');
            two(b, (int) (abs % 100)).append(',');
            b.append(channel == 'C' ? "Chip Transaction" : channel == 'S' ? "Swipe Transaction" : "Online Transaction")
                    .append(',')
                    .append(merchant)
                    .append(',')
                    .append(city)
                    .append(',')
                    .append(state)
                    .append(',')
                    .append(zip)
                    .append(',')
                    .append(mcc)
                    .append(',');
            if (!errors.isEmpty()) {
                b.append('"').append(errors).append(",\"");
            }
            b.append(',').append(scenario > 0 ? "Yes" : "No").append('\n');
        }
    }

    private List<Tx> transactions(SplittableRandom rng, SplittableRandom fraudRng, Person p, CardSpec card) {
        List<Tx> txs = new ArrayList<>();
        Vocabulary.City home = Vocabulary.CITIES.get(p.city());
        double factor = Math.sqrt(p.income() / 52_000.0);
        double cardShare = 1.0 / p.numCardsHeld();
        for (int day = 0; day < options.days(); day++) {
            DayOfWeek dow = options.start().plusDays(day).getDayOfWeek();
            double weekday = dow == DayOfWeek.SATURDAY
                    ? 1.3
                    : dow == DayOfWeek.SUNDAY ? 1.1 : dow == DayOfWeek.MONDAY ? 0.85 : 1.0;
            int n = poisson(rng, p.activity() * weekday * cardShare * 2.2);
            boolean travelling = rng.nextInt(200) == 0;
            int travelCity = rng.nextInt(Vocabulary.CITIES.size());
            for (int i = 0; i < n; i++) {
                int cat = pick(rng, CATEGORY_CDF);
                Vocabulary.Category category = Vocabulary.CATEGORIES.get(cat);
                long minute = day * 1440L + pick(rng, HOUR_CDF) * 60L + rng.nextInt(60);
                long cents = Math.max(
                        50, Math.round(category.median() * factor * Math.exp(category.spread() * gaussian(rng)) * 100));
                if (rng.nextInt(100) == 0) {
                    cents = -cents; // refund
                }
                boolean online =
                        category.online() ? rng.nextDouble() < 0.9 : rng.nextDouble() < card.onlineShare() * 0.3;
                String errors = rng.nextInt(60) == 0 ? ERRORS[rng.nextInt(ERRORS.length)] : "";
                if (online) {
                    txs.add(new Tx(
                            minute,
                            cents,
                            'O',
                            merchantId(-1, category.mcc(), rng.nextInt(MERCHANTS_PER_CITY_AND_CATEGORY)),
                            "ONLINE",
                            "",
                            "",
                            category.mcc(),
                            errors,
                            0));
                } else {
                    int cityIdx = travelling ? travelCity : p.city();
                    Vocabulary.City city = Vocabulary.CITIES.get(cityIdx);
                    char channel = rng.nextDouble() < card.chipShare() ? 'C' : 'S';
                    txs.add(new Tx(
                            minute,
                            cents,
                            channel,
                            merchantId(cityIdx, category.mcc(), rng.nextInt(MERCHANTS_PER_CITY_AND_CATEGORY)),
                            city.name(),
                            city.state(),
                            zipFloat(city.zipBase() + rng.nextInt(8)),
                            category.mcc(),
                            errors,
                            0));
                }
            }
        }
        injectFraud(fraudRng, p, home, card, txs);
        return txs;
    }

    /** One in {@code odds} by default; {@code fraudBoost} times more likely when boosted (never surer than always). */
    private int odds(int odds) {
        return Math.max(1, odds / options.fraudBoost());
    }

    private void injectFraud(SplittableRandom rng, Person p, Vocabulary.City home, CardSpec card, List<Tx> txs) {
        long span = options.days() * 1440L;
        // 1: card testing: tiny online amounts a minute or two apart, then one large purchase
        if (rng.nextInt(odds(250)) == 0) {
            long t = rng.nextLong(span - 60);
            int tests = 6 + rng.nextInt(10);
            long merchant = merchantId(-2, 5815, rng.nextInt(4));
            for (int i = 0; i < tests; i++) {
                txs.add(new Tx(
                        t + i * (1 + rng.nextInt(2)),
                        50 + rng.nextInt(450),
                        'O',
                        merchant,
                        "ONLINE",
                        "",
                        "",
                        5815,
                        rng.nextInt(3) == 0 ? "Bad CVV" : "",
                        1));
            }
            txs.add(new Tx(
                    t + tests * 2L + 3,
                    40_000 + rng.nextInt(150_000),
                    'O',
                    merchantId(-2, 5732, rng.nextInt(4)),
                    "ONLINE",
                    "",
                    "",
                    5732,
                    "",
                    1));
        }
        // 2: compromised merchant: cards of its city used there during its window, with elevated amounts
        if (p.city() == compromisedCity && rng.nextInt(odds(4)) == 0) {
            int hits = 2 + rng.nextInt(4);
            for (int i = 0; i < hits; i++) {
                long t = (compromisedFromDay + rng.nextInt(compromisedDays)) * 1440L + 600 + rng.nextInt(600);
                txs.add(new Tx(
                        t,
                        8_000 + rng.nextInt(40_000),
                        card.chip() ? 'C' : 'S',
                        compromisedMerchant,
                        home.name(),
                        home.state(),
                        zipFloat(home.zipBase()),
                        compromisedMcc,
                        "",
                        2));
            }
        }
        // 3: account takeover: large amounts from a geography the customer never uses
        if (rng.nextInt(odds(300)) == 0) {
            long t = rng.nextLong(span - 2880);
            String country = Vocabulary.COUNTRIES[rng.nextInt(Vocabulary.COUNTRIES.length)];
            int n = 3 + rng.nextInt(4);
            for (int i = 0; i < n; i++) {
                txs.add(new Tx(
                        t + rng.nextInt(2880),
                        50_000 + rng.nextInt(250_000),
                        'S',
                        merchantId(-3, 4829, rng.nextInt(8)),
                        country.toUpperCase().substring(0, 1) + country.substring(1),
                        country,
                        "",
                        4829,
                        "",
                        3));
            }
        }
        // 4: card-not-present spree: online purchases at different merchants within a few hours
        if (rng.nextInt(odds(250)) == 0) {
            long t = rng.nextLong(span - 240);
            int n = 4 + rng.nextInt(7);
            for (int i = 0; i < n; i++) {
                int mcc = rng.nextBoolean() ? 5732 : 5815;
                txs.add(new Tx(
                        t + rng.nextInt(180),
                        10_000 + rng.nextInt(80_000),
                        'O',
                        merchantId(-4, mcc, rng.nextInt(40)),
                        "ONLINE",
                        "",
                        "",
                        mcc,
                        "",
                        4));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private long merchantId(int city, int mcc, int k) {
        return mix(options.seed() ^ 0x9E3779B97F4A7C15L, ((long) (city + 16) << 40) ^ ((long) mcc << 16) ^ k);
    }

    private static String zipFloat(int zip) {
        return (zip < 10000 ? "0".repeat(5 - Integer.toString(zip).length()) : "") + zip + ".0";
    }

    static long mix(long seed, long x) {
        long z = seed + 0x9E3779B97F4A7C15L * (x + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller on the splittable generator, so results do not depend on shared state
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }

    private static int poisson(SplittableRandom rng, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static int pick(SplittableRandom rng, double[] cdf) {
        double r = rng.nextDouble();
        for (int i = 0; i < cdf.length; i++) {
            if (r < cdf[i]) return i;
        }
        return cdf.length - 1;
    }

    private static double[] cdf(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double[] out = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i] / total;
            out[i] = acc;
        }
        return out;
    }

    private static StringBuilder two(StringBuilder b, int v) {
        if (v < 10) b.append('0');
        return b.append(v);
    }

    private static StringBuilder three(StringBuilder b, int v) {
        if (v < 100) b.append('0');
        if (v < 10) b.append('0');
        return b.append(v);
    }

    private static StringBuilder fixed2(StringBuilder b, double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths < 0) {
            b.append('-');
            hundredths = -hundredths;
        }
        b.append(hundredths / 100).append('.');
        return two(b, (int) (hundredths % 100));
    }
}
