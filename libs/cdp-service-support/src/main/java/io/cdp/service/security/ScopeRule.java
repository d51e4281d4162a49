package io.cdp.service.security;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One authorization rule of a service: requests matching {@code method} (null: any) and the path pattern need one
 * of the scopes. Declared as beans; the security filter chain applies them in bean order, then denies the rest.
 *
 * @param method  HTTP method name, or null for every method
 * @param pattern a Spring path pattern, e.g. {@code /v1/models/*}
 * @param scopes  OAuth2 scopes, any of which grants access
 */
public record ScopeRule(@Nullable String method, String pattern, List<String> scopes) {

    public ScopeRule {
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a scope rule needs at least one scope: " + pattern);
        }
    }

    public static ScopeRule of(String method, String pattern, String... scopes) {
        return new ScopeRule(method, pattern, List.of(scopes));
    }

    String[] authorities() {
        return scopes.stream().map(s -> "SCOPE_" + s).toArray(String[]::new);
    }
}
