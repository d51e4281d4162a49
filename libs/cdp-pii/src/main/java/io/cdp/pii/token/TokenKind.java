package io.cdp.pii.token;

/**
 * What a token stands for. The kind is both the visible prefix and part of the keyed input, so the same
 * digits as a customer id and as a card number give unrelated tokens.
 */
public enum TokenKind {
    CUSTOMER("cus"),
    CARD("crd"),
    MERCHANT("mer"),
    TRANSACTION("txn");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
