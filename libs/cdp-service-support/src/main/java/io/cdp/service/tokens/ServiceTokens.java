package io.cdp.service.tokens;

import java.util.function.Supplier;

/**
 * Bearer tokens for this service's own identity, for calls to other services (alerting to customer-360 and
 * core-banking). Implementations cache a token until shortly before it expires, so a caller may ask for one per request.
 */
@FunctionalInterface
public interface ServiceTokens extends Supplier<String> {

    /** A valid access token (without the {@code Bearer } prefix). */
    @Override
    String get();

    /** The {@code Authorization} header value. */
    default String authorizationHeader() {
        return "Bearer " + get();
    }
}
