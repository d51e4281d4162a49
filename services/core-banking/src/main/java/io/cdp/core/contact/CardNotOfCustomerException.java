package io.cdp.core.contact;

import io.cdp.pii.crypto.DisclosureRefusedException;

/** The card token names no card of this customer (another customer's card, an erased or unknown one). */
public final class CardNotOfCustomerException extends DisclosureRefusedException {

    public CardNotOfCustomerException() {
        super("the card token names no card of this customer");
    }
}
