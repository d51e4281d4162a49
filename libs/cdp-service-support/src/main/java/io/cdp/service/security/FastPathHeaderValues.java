package io.cdp.service.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's check of header values ({@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}: every code point assigned
 * and not a control character, tab allowed), with plain ASCII decided by a loop instead of its regular expression. The
 * firewall runs the check on every read of a header, the ~800-character {@code Authorization} header included: ~7 % of
 * a profile read's request-thread CPU (docs/benchmarks/customer-360.md). A value with any other character (non-ASCII,
 * control) goes to the firewall's own predicate, so what is allowed is exactly what it allows.
 */
final class FastPathHeaderValues implements Predicate<String> {

    private final Predicate<String> standard;

    FastPathHeaderValues(Predicate<String> standard) {
        this.standard = standard;
    }

    /** The firewall every service uses: Spring Security's strict defaults, with this header-value check. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(new FastPathHeaderValues(StrictHttpFirewall.ALLOWED_HEADER_VALUES));
        return firewall;
    }

    @Override
    public boolean test(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                return standard.test(value);
            }
        }
        return true;
    }
}
