package io.cdp.core.erasure;

import io.cdp.core.store.CoreStore;
import io.cdp.events.pii.Token;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.PiiDecryptor;
import io.cdp.pii.token.TokenKind;
import io.cdp.pii.token.Tokenizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Erases one customer everywhere: crypto-shreds their data key (every ciphertext on a stream, in the lake or in a
 * backup becomes unreadable) and removes the plaintext personal data of the customer and their cards from the core
 * tables, which no key protects. Audited by {@link PiiDecryptor#erase}: intent before, outcome after. Then announces
 * it ({@code customer.erased.v1} on {@code cdp.core.customers}) so the CDP zone's copies keyed by the customer's
 * tokens (customer-360's profile) are erased too.
 */
public final class CustomerErasure {

    /**
     * Publishes {@code customer.erased.v1} for one customer token. Called after the erasure succeeded, once per live
     * token version (older profiles may be keyed by an older token); a retried erasure publishes again, and consumers
     * treat the repeat as the no-op it is.
     */
    @FunctionalInterface
    public interface ErasureEvents {
        void erased(Token customerToken, Instant erasedAt);
    }

    /** What was erased: the customer's token (the key reference) and how many card records were tombstoned. */
    public record Result(String customerToken, int cards) {}

    private final Tokenizer tokenizer;
    private final PiiDecryptor decryptor;
    private final CoreStore store;
    private final Clock clock;
    private final ErasureEvents events;

    public CustomerErasure(
            Tokenizer tokenizer, PiiDecryptor decryptor, CoreStore store, Clock clock, ErasureEvents events) {
        this.tokenizer = tokenizer;
        this.decryptor = decryptor;
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param purpose null when the caller gave none or an unknown one: refused (and audited) like one that does not
     *                justify an erasure
     * @throws io.cdp.pii.crypto.PiiRequestRefusedException for a missing or unfit purpose
     * @throws io.cdp.pii.audit.AuditUnavailableException   when the intent cannot be audited; nothing was erased
     */
    public Result erase(String customerId, String onBehalfOf, @Nullable Purpose purpose) {
        // the customer's key reference under every live token-key version: data encrypted before a token-key
        // rotation sits under the older reference, and must become unreadable too (ADR 0010); current first
        List<Token> refs = tokenizer.everyLiveVersion(TokenKind.CUSTOMER, customerId);
        String keyRef = refs.getFirst().value();
        for (Token older : refs.subList(1, refs.size())) {
            decryptor.erase(older.value(), onBehalfOf, purpose, () -> {});
        }
        int[] cards = {0};
        // the key first: should the table update fail, the copies outside the core zone are already unreadable and
        // a retry (the whole erasure is idempotent) removes the plaintext
        decryptor.erase(
                keyRef, onBehalfOf, purpose, () -> cards[0] = store.erasePersonalData(customerId, clock.instant()));
        Instant erasedAt = clock.instant();
        for (Token ref : refs) {
            events.erased(ref, erasedAt);
        }
        return new Result(keyRef, cards[0]);
    }
}
