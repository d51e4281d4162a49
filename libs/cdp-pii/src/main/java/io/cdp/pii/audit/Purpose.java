package io.cdp.pii.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why personal data is touched: a fixed list, so the audit trail can be queried and reviewed by purpose instead of
 * by whatever free text a caller typed. Each purpose says which operations it may justify: nothing is decrypted "for
 * an erasure", and an erasure is done only on the subject's request or a regulator's order.
 */
public enum Purpose {
    /** An analyst works a suspected fraud case. */
    FRAUD_INVESTIGATION(true, false),
    /** The alerting service writes to the customer about a suspected fraud. */
    FRAUD_ALERT_DELIVERY(true, false),
    /** Customer service contacts the customer about their account. */
    CUSTOMER_CONTACT(true, false),
    /** The customer asked for a copy of their data (GDPR art. 15). */
    SUBJECT_ACCESS_REQUEST(true, false),
    /** A regulator or court ordered disclosure or deletion. */
    REGULATORY_REQUEST(true, true),
    /** The customer asked to be forgotten (GDPR art. 17). */
    ERASURE_REQUEST(false, true);

    private final boolean decrypt;
    private final boolean erase;

    Purpose(boolean decrypt, boolean erase) {
        this.decrypt = decrypt;
        this.erase = erase;
    }

    public boolean justifiesDecrypt() {
        return decrypt;
    }

    public boolean justifiesErasure() {
        return erase;
    }

    /** The purpose with exactly this name; empty for null, blank or anything else (no case folding, no aliases). */
    public static Optional<Purpose> parse(@Nullable String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }

    public static List<Purpose> forDecrypt() {
        return Arrays.stream(values()).filter(Purpose::justifiesDecrypt).toList();
    }

    public static List<Purpose> forErasure() {
        return Arrays.stream(values()).filter(Purpose::justifiesErasure).toList();
    }
}
