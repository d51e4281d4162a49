package io.cdp.c360.api;

import io.cdp.c360.profile.Card;
import io.cdp.c360.profile.Consents;
import io.cdp.c360.profile.LifetimeValue;
import io.cdp.c360.profile.MaskedIdentity;
import io.cdp.c360.profile.NextBestAction;
import io.cdp.c360.profile.NextBestActions;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.profile.Risk;
import io.cdp.c360.profile.SegmentView;
import io.cdp.c360.profile.SpendWindows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A profile as the API returns it: masked identity, cards (token, masked number), windows, mixes, risk, segment, CLV,
 * consents and the next best action (as of the request). Never the ciphertexts.
 *
 * @param cards null in listings (read one profile for its cards)
 */
public record ProfileResponse(
        String customerToken,
        @Nullable MaskedIdentity identity,
        @Nullable List<Card> cards,
        SpendWindows windows,
        Map<String, Double> categoryMix,
        Map<String, Double> channelMix,
        double shareAbroad,
        Risk risk,
        @Nullable SegmentView segment,
        @Nullable LifetimeValue lifetimeValue,
        @Nullable String preferredLanguage,
        Consents consents,
        NextBestAction nextBestAction,
        @Nullable Instant lastFraudAlertAt,
        @Nullable LocalDate firstSeen,
        @Nullable LocalDate asOf,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static ProfileResponse of(Profile p, @Nullable List<Card> cards, Instant now) {
        return new ProfileResponse(
                p.customerToken(),
                p.identity(),
                cards,
                p.windows(),
                p.categoryMix(),
                p.channelMix(),
                p.shareAbroad(),
                p.risk(),
                p.segment(),
                p.lifetimeValue(),
                p.preferredLanguage(),
                p.consents(),
                NextBestActions.decide(p, now),
                p.risk().lastFraudAlertAt(),
                p.firstSeen(),
                p.asOf(),
                p.version(),
                p.createdAt(),
                p.updatedAt());
    }
}
