package io.cdp.core.tabformer;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A bank customer as core banking holds it (plaintext PII: this record never leaves the core zone). */
public record Customer(
        String customerId,
        String name,
        int currentAge,
        int retirementAge,
        int birthYear,
        int birthMonth,
        String gender,
        String address,
        @Nullable String apartment,
        String city,
        String state,
        String zipcode,
        BigDecimal latitude,
        BigDecimal longitude,
        BigDecimal perCapitaIncome,
        BigDecimal yearlyIncome,
        BigDecimal totalDebt,
        int ficoScore,
        int numCards,
        String email,
        /** E.164, from the fictional North-American range {@code +1 AAA 555 0100..0199}; null on records loaded before phones existed. */
        @Nullable String phone) {

    /** Every field is personal or narrows a person down, so a printed customer shows none of them. */
    @Override
    public String toString() {
        return "Customer[all fields redacted]";
    }
}
