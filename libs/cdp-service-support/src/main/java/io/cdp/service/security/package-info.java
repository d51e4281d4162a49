/**
 * JWT resource-server security with scopes, as auto-configuration: every endpoint needs a scope a service
 * declares with {@link io.cdp.service.security.ScopeRule} beans, except health/info and the API docs; anything a
 * service forgot to declare is denied (fail closed). 401 and 403 answer RFC 9457 problem documents.
 */
@NullMarked
package io.cdp.service.security;

import org.jspecify.annotations.NullMarked;
