package io.cdp.c360.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One customer's profile as stored (the {@code A#PROFILE} item). Everything in it is masked or aggregated; the
 * ciphertexts ({@link #sealed}) are stored beside it and never leave the service except to core-banking.
 *
 * @param firstSeen day of the customer's first purchase the profile knows of
 * @param asOf      day of the latest purchase: the windows, mixes and recent risk are as of it
 * @param version   incremented by every change (optimistic locking of concurrent consumers)
 */
public record Profile(
        String customerToken,
        @Nullable MaskedIdentity identity,
        @Nullable SealedPii sealed,
        @Nullable LocalDate firstSeen,
        @Nullable LocalDate asOf,
        SpendWindows windows,
        Map<String, Double> categoryMix,
        Map<String, Double> channelMix,
        double shareAbroad,
        Risk risk,
        @Nullable SegmentView segment,
        @Nullable LifetimeValue lifetimeValue,
        Consents consents,
        @Nullable String preferredLanguage,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Profile {
        categoryMix = Map.copyOf(categoryMix);
        channelMix = Map.copyOf(channelMix);
    }

    public static Profile create(String customerToken, Instant now) {
        return new Profile(
                customerToken,
                null,
                null,
                null,
                null,
                SpendWindows.EMPTY,
                Map.of(),
                Map.of(),
                0.0,
                Risk.NONE,
                null,
                null,
                Consents.defaults(now),
                null,
                0,
                now,
                now);
    }

    public Profile withSealed(@Nullable SealedPii sealed) {
        return new Profile(
                customerToken,
                identity,
                sealed,
                firstSeen,
                asOf,
                windows,
                categoryMix,
                channelMix,
                shareAbroad,
                risk,
                segment,
                lifetimeValue,
                consents,
                preferredLanguage,
                version,
                createdAt,
                updatedAt);
    }

    public Profile withConsents(Consents consents, Instant now) {
        return new Profile(
                customerToken,
                identity,
                sealed,
                firstSeen,
                asOf,
                windows,
                categoryMix,
                channelMix,
                shareAbroad,
                risk,
                segment,
                lifetimeValue,
                consents,
                preferredLanguage,
                version,
                createdAt,
                now);
    }

    public Profile withVersion(long version) {
        return new Profile(
                customerToken,
                identity,
                sealed,
                firstSeen,
                asOf,
                windows,
                categoryMix,
                channelMix,
                shareAbroad,
                risk,
                segment,
                lifetimeValue,
                consents,
                preferredLanguage,
                version,
                createdAt,
                updatedAt);
    }
}
