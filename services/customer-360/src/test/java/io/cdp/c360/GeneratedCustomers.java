package io.cdp.c360;

import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CardUpsertedV1;
import io.cdp.events.payload.Channel;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.Decision;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.FieldContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated customers with plaintext personal data (the test's only copy, for the leak checks), tokenized and
 * encrypted with the namespace's real keys as core-banking does, and their events: upserts on the customers stream,
 * scored transactions spanning more than a year (so the 365-day window leaves some out), feedback.
 */
final class GeneratedCustomers {

    record Card(Token token, String number) {}

    record Customer(
            String id,
            Token token,
            String name,
            String email,
            String address,
            List<Card> cards,
            List<TransactionScoredV1> scored,
            List<CustomerFeedbackReceivedV1> feedback) {

        int expectedVersion() {
            return 1 + cards.size() + scored.size() + feedback.size();
        }
    }

    /** One encoded event with its partition key: republished as is, it is a producer duplicate. */
    record Published(String partitionKey, byte[] bytes) {}

    static final int[] MCCS = {5411, 5812, 5541, 4111, 5999, 7011, 5732, 8011};
    private static final String[] SYLLABLES = {"quor", "val", "beth", "zan", "mir", "oth", "lek", "dra", "pim", "sul"};

    final List<Customer> customers = new ArrayList<>();
    final List<Published> customerEvents = new ArrayList<>();
    final List<Published> scoredEvents = new ArrayList<>();
    final List<Published> feedbackEvents = new ArrayList<>();

    GeneratedCustomers(PiiProtection pii, EventCodec codec, int count, int transactionsEach, long seed) {
        Random random = new Random(seed);
        Instant start = LocalDate.of(2025, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int c = 0; c < count; c++) {
            String id = "c360-it-" + seed + "-" + c;
            Token token = pii.tokenizer().customer(id);
            String name = word(random) + " " + word(random) + "son";
            String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@mail.example";
            String address = (100 + random.nextInt(900)) + " " + word(random) + "wood Lane, Springfield";
            List<Card> cards = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(2); k++) {
                StringBuilder number = new StringBuilder("4");
                for (int d = 0; d < 15; d++) {
                    number.append(random.nextInt(10));
                }
                cards.add(new Card(pii.tokenizer().card(number.toString()), number.toString()));
            }
            Instant updated = start;
            CustomerUpsertedV1 upsert = new CustomerUpsertedV1(
                    token,
                    Masked.of(name.charAt(0) + "." + Character.toUpperCase(name.charAt(name.indexOf(' ') + 1)) + "."),
                    Masked.of("30-39"),
                    Masked.of("50000-74999"),
                    Masked.of("700+"),
                    Masked.of("917**"),
                    "CA",
                    cards.size(),
                    pii.encryptor().encrypt(token.value(), new FieldContext("customer", token.value(), "name"), name),
                    pii.encryptor().encrypt(token.value(), new FieldContext("customer", token.value(), "email"), email),
                    pii.encryptor()
                            .encrypt(token.value(), new FieldContext("customer", token.value(), "address"), address),
                    updated);
            customerEvents.add(publish(codec, token.value(), updated, upsert));
            for (Card card : cards) {
                CardUpsertedV1 cardEvent = new CardUpsertedV1(
                        card.token(),
                        token,
                        Masked.last4(card.number().substring(12)),
                        "Visa",
                        "Credit",
                        true,
                        new BigDecimal("5000"),
                        false,
                        pii.encryptor()
                                .encrypt(
                                        token.value(),
                                        new FieldContext("card", card.token().value(), "cardNumber"),
                                        card.number()),
                        updated);
                customerEvents.add(publish(codec, token.value(), updated, cardEvent));
            }
            List<TransactionScoredV1> scored = new ArrayList<>();
            for (int t = 0; t < transactionsEach; t++) {
                Card card = cards.get(random.nextInt(cards.size()));
                // spread over 420 days: the 365-day window leaves the oldest out
                Instant when = start.plus(Duration.ofMinutes(random.nextInt(420 * 24 * 60)));
                double score = random.nextDouble();
                TransactionScoredV1 s = new TransactionScoredV1(
                        "tx-" + id + "-" + t,
                        card.token(),
                        token,
                        when,
                        BigDecimal.valueOf(100 + random.nextInt(30_000), 2),
                        "USD",
                        MCCS[random.nextInt(MCCS.length)],
                        Channel.values()[random.nextInt(3)],
                        score,
                        score > 0.9 ? Decision.DECLINE : Decision.APPROVE,
                        "fraud-xgb-20260101.1",
                        List.of(),
                        Map.of("amount", 1.0),
                        when.plusMillis(40),
                        score > 0.9,
                        random.nextInt(10) == 0);
                scored.add(s);
                scoredEvents.add(publish(codec, card.token().value(), s.scoredAt(), s));
            }
            List<CustomerFeedbackReceivedV1> feedback = new ArrayList<>();
            if (c == 0) {
                for (var verdict : CustomerFeedbackReceivedV1.Verdict.values()) {
                    CustomerFeedbackReceivedV1 f = new CustomerFeedbackReceivedV1(
                            "alert-" + verdict.ordinal(),
                            scored.get(verdict.ordinal()).transactionId(),
                            token,
                            verdict,
                            CustomerFeedbackReceivedV1.FeedbackChannel.SMS,
                            start.plus(Duration.ofDays(400)));
                    feedback.add(f);
                    feedbackEvents.add(publish(codec, token.value(), f.receivedAt(), f));
                }
            }
            customers.add(new Customer(id, token, name, email, address, cards, scored, feedback));
        }
    }

    /** Every plaintext the events must never carry in clear: names, e-mails, addresses, card numbers. */
    List<String> plaintexts() {
        List<String> all = new ArrayList<>();
        for (Customer c : customers) {
            all.add(c.name());
            all.add(c.email());
            all.add(c.address());
            c.cards().forEach(card -> all.add(card.number()));
        }
        return all;
    }

    static void put(KinesisPublisher stream, List<Published> events) {
        for (int from = 0; from < events.size(); from += KinesisPublisher.MAX_RECORDS) {
            stream.putAll(events.subList(from, Math.min(events.size(), from + KinesisPublisher.MAX_RECORDS)).stream()
                    .map(e -> new KinesisPublisher.Record(e.partitionKey(), e.bytes()))
                    .toList());
        }
    }

    static Published publish(EventCodec codec, String partitionKey, Instant at, EventPayload payload) {
        return new Published(partitionKey, codec.encode(Envelope.of("it", partitionKey, at, payload)));
    }

    private static String word(Random random) {
        String w = SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
