package io.cdp.events.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PII-safe types' shapes have one source of truth, the contract's {@code common.v1.json}; the Java constants (which
 * request validation annotations need as compile-time text) must say exactly the same.
 */
class PiiPatternsAgreeWithSchemaTest {

    private static JsonNode definition(String name) throws IOException {
        try (InputStream in = Token.class.getResourceAsStream("/schemas/common.v1.json")) {
            assertThat(in).as("common.v1.json on the classpath").isNotNull();
            return JsonMapper.builder().build().readTree(in).get("$defs").get(name);
        }
    }

    @Test
    void tokenCiphertextAndMaskedPatternsAreTheSchemas() throws IOException {
        assertThat(Token.PATTERN).isEqualTo(definition("token").get("pattern").asString());
        assertThat(Ciphertext.PATTERN)
                .isEqualTo(definition("ciphertext").get("pattern").asString());
        assertThat(Masked.PATTERN).isEqualTo(definition("masked").get("pattern").asString());
    }
}
