package io.cdp.pii.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CoreZoneCredentialsTest {

    @Test
    void cdpZoneServiceCannotObtainDecryptCredentials() {
        assertThatThrownBy(() -> CoreZoneCredentials.fromConfiguration("cdp", "scoring-api", Set.of("pii:decrypt")))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("core-banking zone");
    }

    @Test
    void coreZoneWithoutDecryptScopeIsRefused() {
        assertThatThrownBy(() -> CoreZoneCredentials.fromConfiguration("core", "core-banking", Set.of("pii:read")))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("pii:decrypt");
    }

    @Test
    void coreZoneWithScopeGetsCredentialsNamingThePrincipal() {
        assertThat(CoreZoneCredentials.fromConfiguration("CORE", "alerting", Set.of("pii:decrypt"))
                        .principal())
                .isEqualTo("alerting");
    }
}
