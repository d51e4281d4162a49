/**
 * The client side of service-to-service calls: a {@link io.cdp.service.tokens.ServiceTokens} supplier of bearer tokens
 * for this service's own identity (development tokens under the {@code local} profile, OAuth2 client credentials from
 * the configured issuer elsewhere).
 */
@NullMarked
package io.cdp.service.tokens;

import org.jspecify.annotations.NullMarked;
