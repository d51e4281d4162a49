package io.cdp.c360.profile;

import org.jspecify.annotations.Nullable;

/**
 * The customer's name, e-mail and address as core-banking's ciphertexts: kept so {@code unmask} can ask core-banking
 * to decrypt them (audited there), never returned by a read. Only core-banking holds the keys; an erasure shreds them.
 */
public record SealedPii(
        @Nullable String name,
        @Nullable String email,
        @Nullable String address) {

    public @Nullable String field(String field) {
        return switch (field) {
            case "name" -> name;
            case "email" -> email;
            case "address" -> address;
            default -> throw new IllegalArgumentException("no sealed field " + field);
        };
    }
}
