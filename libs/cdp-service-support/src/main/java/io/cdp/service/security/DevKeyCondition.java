package io.cdp.service.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when a development JWT key is configured, inline or as a file. Empty values count as unset, so
 * {@code CDP_DEV_KEY_FILE=} switches the {@code local} profile's key file off (the API bench does, to run the
 * production token path).
 */
final class DevKeyCondition extends SpringBootCondition {

    static final String SECRET = "cdp.security.dev-secret";
    static final String KEY_FILE = "cdp.security.dev-key-file";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        boolean configured =
                StringUtils.hasText(env.getProperty(SECRET)) || StringUtils.hasText(env.getProperty(KEY_FILE));
        return configured
                ? ConditionOutcome.match("a development JWT key is configured")
                : ConditionOutcome.noMatch("no development JWT key");
    }
}
