package io.cdp.cli.profiles;

import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.store.ProfileStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The profile store's semantics in memory (dedup by event id, day aggregates, versions), so the bench measures the
 * consumer's own processing per core (decode, validation, windows, mixes, risk, model assignment) without the
 * emulator's latency. Not the service's store; one lock per customer like the version check.
 */
final class InMemoryProfileStore implements ProfileStore {

    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
    private final Map<String, Map<LocalDate, DayAggregate>> days = new ConcurrentHashMap<>();
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final Set<String> erased = new HashSet<>();
    private final Clock clock;

    InMemoryProfileStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Stored> find(String customerToken) {
        Profile p = profiles.get(customerToken);
        return p == null ? Optional.empty() : Optional.of(new Stored(p, List.of(), null));
    }

    @Override
    public Outcome apply(String customerToken, UUID eventId, Change change) {
        synchronized (days.computeIfAbsent(customerToken, k -> new HashMap<>())) {
            if (erased.contains(customerToken)) {
                return Outcome.ERASED;
            }
            if (!events.add(customerToken + "|" + eventId)) {
                return Outcome.DUPLICATE;
            }
            Map<LocalDate, DayAggregate> own = days.get(customerToken);
            LocalDate day = change.day();
            if (day != null) {
                own.put(day, change.updateDay(own.getOrDefault(day, DayAggregate.empty(day))));
            }
            Profile current = profiles.getOrDefault(customerToken, Profile.create(customerToken, clock.instant()));
            profiles.put(
                    customerToken,
                    change.apply(current, new ArrayList<>(own.values())).withVersion(current.version() + 1));
            return Outcome.APPLIED;
        }
    }

    @Override
    public Optional<Profile> update(String customerToken, UnaryOperator<Profile> change) {
        return Optional.ofNullable(profiles.computeIfPresent(customerToken, (k, p) -> change.apply(p)));
    }

    @Override
    public void erase(String customerToken, Instant erasedAt) {
        synchronized (days.computeIfAbsent(customerToken, k -> new HashMap<>())) {
            erased.add(customerToken);
            profiles.remove(customerToken);
        }
    }

    @Override
    public List<DayAggregate> days(String customerToken) {
        return List.copyOf(days.getOrDefault(customerToken, Map.of()).values());
    }

    @Override
    public Page list(Filter filter, int limit, @Nullable String cursor) {
        return new Page(List.of(), null);
    }

    @Override
    public Map<String, Long> segmentSizes() {
        return Map.of();
    }
}
