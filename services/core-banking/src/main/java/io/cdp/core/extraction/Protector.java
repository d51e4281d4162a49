package io.cdp.core.extraction;

import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.events.payload.CardUpsertedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.pii.Token;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.pii.crypto.FieldEncryptor;
import io.cdp.pii.mask.Masking;
import io.cdp.pii.token.TokenKind;
import io.cdp.pii.token.Tokenizer;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Turns core records into what may leave the core zone: tokens for ids and card numbers, masked bands,
 * and ciphertext (bound to the customer's data key) for names, e-mails, addresses, birth dates, card
 * numbers and expiry dates. CVVs never leave, not even encrypted. Transaction times are TabFormer local
 * times, carried as UTC instants.
 */
public final class Protector {

    private final Tokenizer tokenizer;
    private final FieldEncryptor encryptor;

    public Protector(Tokenizer tokenizer, FieldEncryptor encryptor) {
        this.tokenizer = tokenizer;
        this.encryptor = encryptor;
    }

    public Token customerToken(String customerId) {
        return tokenizer.customer(customerId);
    }

    public Token cardToken(Card card) {
        return tokenizer.card(card.cardNumber());
    }

    public String transactionId(Transaction t) {
        return tokenizer.opaqueId(TokenKind.TRANSACTION, t.transactionId());
    }

    public Ciphertext encrypt(Token customer, String entity, Token record, String field, String value) {
        return encryptor.encrypt(customer.value(), new FieldContext(entity, record.value(), field), value);
    }

    public ProtectedCustomer customer(Customer c, Instant updatedAt) {
        Token token = customerToken(c.customerId());
        String address = c.address() + (c.apartment() == null ? "" : " Apt " + c.apartment()) + ", " + c.city() + ", "
                + c.state() + " " + c.zipcode();
        CustomerUpsertedV1 event = new CustomerUpsertedV1(
                token,
                Masking.initials(c.name()),
                Masking.ageBand(c.currentAge()),
                Masking.incomeBand(c.yearlyIncome()),
                Masking.ficoBand(c.ficoScore()),
                Masking.zip3(c.zipcode()),
                c.state(),
                c.numCards(),
                encrypt(token, "customer", token, "name", c.name()),
                encrypt(token, "customer", token, "email", c.email()),
                encrypt(token, "customer", token, "address", address),
                updatedAt);
        Ciphertext birth = encrypt(
                token, "customer", token, "birthDate", c.birthYear() + "-" + String.format("%02d", c.birthMonth()));
        // the phone goes to the lake only, encrypted like the e-mail (no event carries it: alerting asks core banking)
        Ciphertext phone = c.phone() == null ? null : encrypt(token, "customer", token, "phone", c.phone());
        return new ProtectedCustomer(event, birth, phone);
    }

    public ProtectedCard card(Card card, Token customer, Instant updatedAt) {
        Token token = cardToken(card);
        CardUpsertedV1 event = new CardUpsertedV1(
                token,
                customer,
                Masking.cardLast4(card.cardNumber()),
                card.brand(),
                card.cardType(),
                card.hasChip(),
                card.creditLimit(),
                card.onDarkWeb(),
                encrypt(customer, "card", token, "cardNumber", card.cardNumber()),
                updatedAt);
        return new ProtectedCard(
                event,
                encrypt(customer, "card", token, "expires", card.expires().toString()));
    }

    public TransactionRecordedV1 transaction(Transaction t, Token card, Token customer) {
        return new TransactionRecordedV1(
                transactionId(t),
                card,
                customer,
                t.time().toInstant(ZoneOffset.UTC),
                t.amount(),
                "USD",
                t.merchantId(),
                t.merchantCity(),
                t.merchantState(),
                t.merchantZip(),
                t.mcc(),
                t.channel(),
                t.errors(),
                t.fraud());
    }

    /** The customer event plus fields that go to the lake only. */
    public record ProtectedCustomer(
            CustomerUpsertedV1 event,
            Ciphertext encryptedBirthDate,
            @Nullable Ciphertext encryptedPhone) {}

    public record ProtectedCard(CardUpsertedV1 event, Ciphertext encryptedExpiry) {}
}
