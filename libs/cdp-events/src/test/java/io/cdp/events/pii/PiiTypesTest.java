package io.cdp.events.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiTypesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"4111111111111111", "Jane Smith", "cus_short", "CUS_Q2hlY2tpbmdBY2NvdW50MDAx", "123 Main St"})
    void tokenRefusesPlaintext(String plaintext) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Token.of(plaintext))
                .withMessageNotContaining(plaintext);
    }

    @Test
    void tokenKeepsItsKind() {
        assertThat(Token.of("crd_Q2FyZFRva2VuRm9yVGVzdHMx").kind()).isEqualTo("crd");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Jane Smith",
                "jane@example.com",
                "ct1.short",
                "ct.abcdefghijklmnopqrstuvwxyz",
                "ct1.has spaces in it ok?"
            })
    void ciphertextRefusesPlaintext(String plaintext) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ciphertext.of(plaintext))
                .withMessageNotContaining(plaintext);
    }

    @Test
    void ciphertextReportsItsFormatVersion() {
        assertThat(Ciphertext.of("ct12.a2V5LXJlZg.d3JhcHBlZC1kYXRhLWtleQ").formatVersion())
                .isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"****1234", "J.S.", "J.", "917**", "30-39", "700+", "<20000", "unknown"})
    void maskedAcceptsTheMaskShapes(String masked) {
        assertThat(Masked.of(masked).value()).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111234", "Jane", "91750", "1987-02-03", "J.Smith", "****ABCD"})
    void maskedRefusesUnmaskedValues(String plaintext) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Masked.of(plaintext))
                .withMessageNotContaining(plaintext);
    }

    @Test
    void bandsAreHalfOpen() {
        assertThat(Masked.band(30, 40).value()).isEqualTo("30-39");
        assertThat(Masked.last4("0042").value()).isEqualTo("****0042");
    }
}
