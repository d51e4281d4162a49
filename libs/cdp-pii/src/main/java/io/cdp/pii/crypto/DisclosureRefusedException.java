package io.cdp.pii.crypto;

/**
 * A disclosure refused for a reason only the caller can see (an unknown record, a card that is not the customer's):
 * {@link PiiDecryptor#disclose} audits it as refused and rethrows it. The message names the reason, never a value.
 */
public class DisclosureRefusedException extends RuntimeException {

    public DisclosureRefusedException(String message) {
        super(message);
    }
}
