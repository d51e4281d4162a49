package io.cdp.service.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver}, with the common case answered without its regular expression.
 * A profile read or a score spends ~14 % of its request thread's CPU matching {@code ^Bearer
 * (?<token>[a-zA-Z0-9-._~+/]+=*)$} over an ~800-character JWT (JFR over {@code ./cdp bench profiles}, see
 * docs/benchmarks/customer-360.md); a loop over the same characters costs a fraction of that.
 *
 * <p>Only a request on which the default resolver could find nothing but the header's token takes the fast path: a
 * header that is {@code Bearer } and a well-formed token, no query string and not a form-encoded POST (where the
 * default would look for {@code access_token} if it were allowed there). Everything else, every malformed header and
 * every error answer included, is the default resolver's, so the behaviour is its behaviour.
 */
public final class FastPathBearerTokenResolver implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    private final BearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && request.getQueryString() == null && !formPost(request)) {
            String token = wellFormedToken(header);
            if (token != null) {
                return token;
            }
        }
        return standard.resolve(request);
    }

    /**
     * The token of {@code Bearer <token>} (prefix in any case) when it matches RFC 6750's b64token, the default
     * resolver's pattern: one or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then any number of {@code =}; else null.
     */
    static @Nullable String wellFormedToken(String header) {
        int length = header.length();
        if (length <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        int i = PREFIX.length();
        while (i < length && tokenChar(header.charAt(i))) {
            i++;
        }
        if (i == PREFIX.length()) {
            return null;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length ? header.substring(PREFIX.length()) : null;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    private static boolean formPost(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod())
                && MediaType.APPLICATION_FORM_URLENCODED_VALUE.equals(request.getContentType());
    }
}
