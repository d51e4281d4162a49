package io.cdp.core.contact;

import io.cdp.pii.crypto.DisclosureRefusedException;

/** The token names no customer core banking extracted. */
public final class UnknownCustomerException extends DisclosureRefusedException {

    public UnknownCustomerException() {
        super("the customer token names no customer");
    }
}
