package io.cdp.service.security;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** True when a development JWT key is configured, inline or as a file. */
final class DevKeyCondition extends AnyNestedCondition {

    DevKeyCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("cdp.security.dev-secret")
    static final class Secret {}

    @ConditionalOnProperty("cdp.security.dev-key-file")
    static final class KeyFile {}
}
