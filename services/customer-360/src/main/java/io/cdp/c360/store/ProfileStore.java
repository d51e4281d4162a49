package io.cdp.c360.store;

import io.cdp.c360.profile.Card;
import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The {@code profiles} table as customer-360 uses it. */
public interface ProfileStore {

    /** What applying an event did. */
    enum Outcome {
        APPLIED,
        /** The event id was applied before: a replay or a producer duplicate; nothing changed. */
        DUPLICATE,
        /** The customer was erased: the event is ignored. */
        ERASED
    }

    /** A profile with its cards, or the tombstone of an erased one. */
    record Stored(
            @Nullable Profile profile,
            List<Card> cards,
            @Nullable Instant erasedAt) {
        public boolean erased() {
            return erasedAt != null;
        }
    }

    /** What an event changes, given the current profile (new when none) and the daily aggregates it asked for. */
    interface Change {
        /** The day whose aggregate this change updates, or null when it updates none. */
        default java.time.@Nullable LocalDate day() {
            return null;
        }

        /** The day's aggregate with this change (called only when {@link #day} is not null). */
        default DayAggregate updateDay(DayAggregate current) {
            return current;
        }

        default @Nullable Card card() {
            return null;
        }

        Profile apply(Profile current, Collection<DayAggregate> days);

        /** Whether {@link #apply} reads the daily aggregates (a query of up to 365 items). */
        default boolean needsDays() {
            return false;
        }
    }

    Optional<Stored> find(String customerToken);

    /**
     * The stored profile's version (every write of the profile, its cards or its erasure raises it), or empty when
     * there is none or it is erased: what a cache needs to tell whether its copy is still current. This default reads
     * the whole profile; a store overrides it with a cheaper read.
     */
    default OptionalLong version(String customerToken) {
        return find(customerToken)
                .map(Stored::profile)
                .map(p -> OptionalLong.of(p.version()))
                .orElse(OptionalLong.empty());
    }

    /** DynamoDB's {@code BatchGetItem} limit: the most versions {@link #versions} is asked for at once. */
    int MAX_VERSIONS_PER_READ = 100;

    /**
     * {@link #version} of several customers (at most {@link #MAX_VERSIONS_PER_READ}) in one read where the store can; a
     * customer missing from the answer was not read (throttled), which the caller treats as changed.
     */
    default Map<String, OptionalLong> versions(List<String> customerTokens) {
        Map<String, OptionalLong> out = new HashMap<>();
        for (String token : customerTokens) {
            out.put(token, version(token));
        }
        return out;
    }

    /** Applies {@code change} for event {@code eventId} exactly once, atomically with the event id's record. */
    Outcome apply(String customerToken, UUID eventId, Change change);

    /** Changes the profile outside any event (consents); empty when unknown, throws {@link ErasedException}. */
    Optional<Profile> update(String customerToken, UnaryOperator<Profile> change);

    /**
     * Deletes every item of the customer and leaves a tombstone: later events for the token are ignored and reads
     * answer 410. Idempotent.
     */
    void erase(String customerToken, Instant erasedAt);

    /** Daily aggregates of the customer (all kept days). */
    List<DayAggregate> days(String customerToken);

    record Page(List<Profile> profiles, @Nullable String nextCursor) {}

    /** Profiles matching {@code filter}, in table order, resuming after {@code cursor}. */
    Page list(Filter filter, int limit, @Nullable String cursor);

    record Filter(
            @Nullable String segment,
            @Nullable Double minRisk,
            @Nullable Double maxRisk,
            @Nullable Double minClv,
            @Nullable Double maxClv) {}

    /** Profile count per segment name ({@code null} key: no segment yet). */
    Map<String, Long> segmentSizes();

    final class ErasedException extends RuntimeException {
        public ErasedException(String customerToken) {
            super("customer erased");
        }
    }
}
