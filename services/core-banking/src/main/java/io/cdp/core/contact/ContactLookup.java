package io.cdp.core.contact;

import io.cdp.core.store.CoreStore;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.events.pii.Token;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.KeyShreddedException;
import io.cdp.pii.crypto.PiiDecryptor;
import io.cdp.pii.crypto.PiiRequestRefusedException;
import io.cdp.pii.token.TokenKind;
import io.cdp.pii.token.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The audited contact lookup: from a customer token (and the card a message is about) to the first name, e-mail,
 * phone and card last four, in one call and one audit record (cdp-pii's {@link PiiDecryptor#disclose}): the caller,
 * the purpose, its reference and which fields, never a value. The token resolves through the token index extraction
 * keeps ({@link CoreStore#customerIdOfToken}); the card must be the customer's (its number's token under any live
 * token-key version equals the one given). Refusals are audited too: bad input, unknown customer, someone else's card;
 * an erased customer (data key shredded or record tombstoned) is audited as shredded.
 */
public final class ContactLookup {

    /** Contact data is for writing to the customer: the two purposes that do so. */
    public static final Set<Purpose> PURPOSES = Set.of(Purpose.FRAUD_ALERT_DELIVERY, Purpose.CUSTOMER_CONTACT);

    private static final Pattern REFERENCE = Pattern.compile("^[A-Za-z0-9_.:-]{1,128}$");
    private static final String NONE = "-";

    private final CoreStore store;
    private final Tokenizer tokenizer;
    private final PiiDecryptor decryptor;

    public ContactLookup(CoreStore store, Tokenizer tokenizer, PiiDecryptor decryptor) {
        this.store = store;
        this.tokenizer = tokenizer;
        this.decryptor = decryptor;
    }

    /**
     * @throws PiiRequestRefusedException bad input (field problems)
     * @throws UnknownCustomerException   or {@link io.cdp.pii.crypto.UnknownSubjectException}: no such customer
     * @throws CardNotOfCustomerException the card is not this customer's
     * @throws KeyShreddedException       the customer was erased
     */
    public Contact lookup(ContactRequest request, String caller) {
        List<PiiRequestRefusedException.Problem> problems = new ArrayList<>();
        Token customer = token(request.customerToken(), "customerToken", TokenKind.CUSTOMER, false, problems);
        Token card = token(request.cardToken(), "cardToken", TokenKind.CARD, true, problems);
        String reference = request.reference();
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            problems.add(new PiiRequestRefusedException.Problem("reference", "must be 1-128 chars of [A-Za-z0-9_.:-]"));
            reference = NONE;
        }
        Purpose purpose = Purpose.parse(request.purpose()).orElse(null);
        if (purpose == null || !PURPOSES.contains(purpose)) {
            problems.add(new PiiRequestRefusedException.Problem("purpose", "must be one of " + PURPOSES));
        }
        String fields = card == null && request.cardToken() == null
                ? "firstName,email,phone"
                : "firstName,email,phone,cardLast4";
        PiiDecryptor.Disclosure what = new PiiDecryptor.Disclosure(
                customer == null ? NONE : customer.value(), "customer", reference, fields, purpose);
        return decryptor.disclose(what, problems, caller, () -> read(customer, card));
    }

    private Contact read(Token customerToken, @Nullable Token cardToken) {
        String customerId = store.customerIdOfToken(customerToken.value()).orElseThrow(UnknownCustomerException::new);
        Customer customer = store.customer(customerId).orElse(null);
        if (customer == null) {
            if (store.isErased(customerId)) {
                throw new KeyShreddedException(customerToken.value());
            }
            throw new UnknownCustomerException();
        }
        String last4 = null;
        if (cardToken != null) {
            Card card = store.cardsOf(customerId).stream()
                    .filter(c -> tokenizer
                            .everyLiveVersion(TokenKind.CARD, c.cardNumber())
                            .contains(cardToken))
                    .findFirst()
                    .orElseThrow(CardNotOfCustomerException::new);
            last4 = card.cardNumber().substring(card.cardNumber().length() - 4);
        }
        return new Contact(firstName(customer.name()), customer.email(), customer.phone(), last4);
    }

    static String firstName(String name) {
        return name.strip().split("\\s+", 2)[0];
    }

    private static @Nullable Token token(
            @Nullable String value,
            String field,
            TokenKind kind,
            boolean optional,
            List<PiiRequestRefusedException.Problem> problems) {
        if (value == null && optional) {
            return null;
        }
        try {
            Token token = new Token(value == null ? "" : value);
            if (token.value().startsWith(kind.prefix() + "_")) {
                return token;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new PiiRequestRefusedException.Problem(field, "is not a " + kind.prefix() + "_v<n>_ token"));
        return null;
    }
}
