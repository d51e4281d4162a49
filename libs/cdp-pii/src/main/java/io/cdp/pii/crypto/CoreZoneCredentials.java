package io.cdp.pii.crypto;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Proof, taken from a service's own configuration, that the caller runs in the core-banking zone with the
 * {@code pii:decrypt} scope. {@link PiiDecryptor} cannot be built without it. CDP-zone services are
 * configured with {@code cdp.zone=cdp} and no decrypt scope, so they have no way to obtain one; IAM (no
 * {@code kms:Decrypt} on the PII key for CDP-zone roles) is the second, independent wall.
 */
public final class CoreZoneCredentials {

    public static final String CORE_ZONE = "core";
    public static final String DECRYPT_SCOPE = "pii:decrypt";

    private final String principal;
    private final Set<String> scopes;

    private CoreZoneCredentials(String principal, Set<String> scopes) {
        this.principal = principal;
        this.scopes = scopes;
    }

    /**
     * @param zone      the service's configured trust zone ({@code cdp.zone})
     * @param principal who decrypts (service name or user id; goes into every audit record)
     * @param scopes    scopes granted to this service or caller
     * @throws SecurityException unless the zone is {@code core} and the scopes include {@code pii:decrypt}
     */
    public static CoreZoneCredentials fromConfiguration(String zone, String principal, Collection<String> scopes) {
        if (!CORE_ZONE.equals(zone.trim().toLowerCase(Locale.ROOT))) {
            throw new SecurityException(
                    "PII decryption is only available in the core-banking zone, this service is in zone '" + zone
                            + "'");
        }
        if (!scopes.contains(DECRYPT_SCOPE)) {
            throw new SecurityException("PII decryption needs the '" + DECRYPT_SCOPE + "' scope");
        }
        if (principal.isBlank()) {
            throw new SecurityException("PII decryption needs a named principal for the audit trail");
        }
        return new CoreZoneCredentials(principal, Set.copyOf(scopes));
    }

    public String principal() {
        return principal;
    }

    public Set<String> scopes() {
        return scopes;
    }
}
