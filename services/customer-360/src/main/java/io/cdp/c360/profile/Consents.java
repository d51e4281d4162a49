package io.cdp.c360.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The customer's consents with the time each was last set. A profile nobody set consents on has fraud alerts by
 * e-mail and SMS granted (dated at the profile's creation) and marketing by e-mail and SMS not granted.
 */
public record Consents(Consent fraudAlertsEmail, Consent fraudAlertsSms, Consent marketingEmail, Consent marketingSms) {

    public record Consent(boolean granted, Instant updatedAt) {}

    public static final Set<String> KEYS =
            Set.of("fraudAlertsEmail", "fraudAlertsSms", "marketingEmail", "marketingSms");

    public static Consents defaults(Instant createdAt) {
        return new Consents(
                new Consent(true, createdAt),
                new Consent(true, createdAt),
                new Consent(false, createdAt),
                new Consent(false, createdAt));
    }

    /** These consents with {@code changes} (keys from {@link #KEYS}) applied and dated {@code at}. */
    public Consents with(Map<String, Boolean> changes, Instant at) {
        for (String key : changes.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown consent " + key);
            }
        }
        return new Consents(
                pick(changes, "fraudAlertsEmail", fraudAlertsEmail, at),
                pick(changes, "fraudAlertsSms", fraudAlertsSms, at),
                pick(changes, "marketingEmail", marketingEmail, at),
                pick(changes, "marketingSms", marketingSms, at));
    }

    public boolean anyMarketing() {
        return marketingEmail.granted() || marketingSms.granted();
    }

    private static Consent pick(Map<String, Boolean> changes, String key, Consent current, Instant at) {
        Boolean granted = changes.get(key);
        return granted == null ? current : new Consent(granted, at);
    }
}
