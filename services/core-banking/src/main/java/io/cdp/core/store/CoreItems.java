package io.cdp.core.store;

import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.events.payload.Channel;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item shapes of the core tables (key design in the service README). Items are a pure function of the
 * record, so writing the same record twice leaves the table as it was.
 */
public final class CoreItems {

    /**
     * What erasure removes from a customer item: every attribute that identifies or locates the person (the
     * fields extraction encrypts, and the precise coordinates). {@code name} is a DynamoDB reserved word.
     */
    static final String CUSTOMER_ERASURE =
            "REMOVE #name, address, apartment, email, phone, birthYear, birthMonth, latitude, longitude SET erasedAt = :t";

    static final Map<String, String> CUSTOMER_ERASURE_NAMES = Map.of("#name", "name");

    /** What erasure removes from a card item: the number, its expiry and the CVV. */
    static final String CARD_ERASURE = "REMOVE cardNumber, expires, cvv SET erasedAt = :t";

    private CoreItems() {}

    /** An erasure tombstone: the item's personal data was removed (see {@link CoreStore#erasePersonalData}). */
    public static boolean isErased(Map<String, AttributeValue> item) {
        return item.containsKey("erasedAt");
    }

    public static Map<String, AttributeValue> customer(Customer c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("customerId", s(c.customerId()));
        m.put("name", s(c.name()));
        m.put("currentAge", n(c.currentAge()));
        m.put("retirementAge", n(c.retirementAge()));
        m.put("birthYear", n(c.birthYear()));
        m.put("birthMonth", n(c.birthMonth()));
        m.put("gender", s(c.gender()));
        m.put("address", s(c.address()));
        if (c.apartment() != null) m.put("apartment", s(c.apartment()));
        m.put("city", s(c.city()));
        m.put("state", s(c.state()));
        m.put("zipcode", s(c.zipcode()));
        m.put("latitude", n(c.latitude()));
        m.put("longitude", n(c.longitude()));
        m.put("perCapitaIncome", n(c.perCapitaIncome()));
        m.put("yearlyIncome", n(c.yearlyIncome()));
        m.put("totalDebt", n(c.totalDebt()));
        m.put("ficoScore", n(c.ficoScore()));
        m.put("numCards", n(c.numCards()));
        m.put("email", s(c.email()));
        if (c.phone() != null) m.put("phone", s(c.phone()));
        return m;
    }

    public static Customer customer(Map<String, AttributeValue> m) {
        return new Customer(
                m.get("customerId").s(),
                m.get("name").s(),
                i(m, "currentAge"),
                i(m, "retirementAge"),
                i(m, "birthYear"),
                i(m, "birthMonth"),
                m.get("gender").s(),
                m.get("address").s(),
                m.containsKey("apartment") ? m.get("apartment").s() : null,
                m.get("city").s(),
                m.get("state").s(),
                m.get("zipcode").s(),
                d(m, "latitude"),
                d(m, "longitude"),
                d(m, "perCapitaIncome"),
                d(m, "yearlyIncome"),
                d(m, "totalDebt"),
                i(m, "ficoScore"),
                i(m, "numCards"),
                m.get("email").s(),
                opt(m, "phone"));
    }

    public static Map<String, AttributeValue> card(Card c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("customerId", s(c.customerId()));
        m.put("cardIndex", s(String.format("%03d", c.cardIndex())));
        m.put("brand", s(c.brand()));
        m.put("cardType", s(c.cardType()));
        m.put("cardNumber", s(c.cardNumber()));
        m.put("expires", s(c.expires().toString()));
        m.put("cvv", s(c.cvv()));
        m.put("hasChip", AttributeValue.fromBool(c.hasChip()));
        m.put("cardsIssued", n(c.cardsIssued()));
        m.put("creditLimit", n(c.creditLimit()));
        m.put("accountOpened", s(c.accountOpened().toString()));
        m.put("pinLastChanged", n(c.pinLastChanged()));
        m.put("onDarkWeb", AttributeValue.fromBool(c.onDarkWeb()));
        return m;
    }

    public static Card card(Map<String, AttributeValue> m) {
        return new Card(
                m.get("customerId").s(),
                Integer.parseInt(m.get("cardIndex").s()),
                m.get("brand").s(),
                m.get("cardType").s(),
                m.get("cardNumber").s(),
                YearMonth.parse(m.get("expires").s()),
                m.get("cvv").s(),
                m.get("hasChip").bool(),
                i(m, "cardsIssued"),
                d(m, "creditLimit"),
                YearMonth.parse(m.get("accountOpened").s()),
                i(m, "pinLastChanged"),
                m.get("onDarkWeb").bool());
    }

    public static Map<String, AttributeValue> transaction(Transaction t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("cardId", s(t.cardId()));
        m.put("txKey", s(t.txKey()));
        m.put("transactionId", s(t.transactionId()));
        m.put("customerId", s(t.customerId()));
        m.put("cardIndex", n(t.cardIndex()));
        m.put("time", s(t.time().toString()));
        m.put("sequence", n(t.sequence()));
        m.put("amount", n(t.amount()));
        m.put("channel", s(t.channel().name()));
        m.put("merchantId", s(t.merchantId()));
        if (t.merchantCity() != null) m.put("merchantCity", s(t.merchantCity()));
        if (t.merchantState() != null) m.put("merchantState", s(t.merchantState()));
        if (t.merchantZip() != null) m.put("merchantZip", s(t.merchantZip()));
        m.put("mcc", n(t.mcc()));
        m.put(
                "errors",
                AttributeValue.fromL(
                        t.errors().stream().map(AttributeValue::fromS).toList()));
        m.put("fraud", AttributeValue.fromBool(t.fraud()));
        return m;
    }

    public static Transaction transaction(Map<String, AttributeValue> m) {
        return new Transaction(
                m.get("customerId").s(),
                i(m, "cardIndex"),
                LocalDateTime.parse(m.get("time").s()),
                i(m, "sequence"),
                d(m, "amount"),
                Channel.valueOf(m.get("channel").s()),
                m.get("merchantId").s(),
                opt(m, "merchantCity"),
                opt(m, "merchantState"),
                opt(m, "merchantZip"),
                i(m, "mcc"),
                m.get("errors").l().stream().map(AttributeValue::s).toList(),
                m.get("fraud").bool());
    }

    private static String opt(Map<String, AttributeValue> m, String k) {
        AttributeValue v = m.get(k);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static AttributeValue n(BigDecimal v) {
        return AttributeValue.fromN(v.toPlainString());
    }

    private static int i(Map<String, AttributeValue> m, String k) {
        return Integer.parseInt(m.get(k).n());
    }

    private static BigDecimal d(Map<String, AttributeValue> m, String k) {
        return new BigDecimal(m.get(k).n());
    }

    static List<String> keysOf(Map<String, AttributeValue> item) {
        return List.copyOf(item.keySet());
    }
}
