package io.cdp.events.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiTypesTest {

    private static final String MAC = "Q2FyZFRva2VuRm9yVGVzdHMxLi4uLi4uLi4uLi4uLi4";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111111",
                "Jane Smith",
                "cus_short",
                "CUS_Q2hlY2tpbmdBY2NvdW50MDAx",
                "123 Main St",
                // shaped like the old unversioned tokens, which also let a card number through
                "crd_4111111111111111",
                "crd_Q2FyZFRva2VuRm9yVGVzdHMx",
                // right layout, wrong meaning: unknown kind, no version, version 0, MAC too short or too long
                "abc_v1_" + MAC,
                "crd_" + MAC,
                "crd_v0_" + MAC,
                "crd_v1_" + "Q2FyZFRva2VuRm9yVGVzdHMx",
                "crd_v1_" + MAC + "A"
            })
    void tokenRefusesWhatTheTokenizerNeverWrites(String plaintext) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Token.of(plaintext))
                .withMessageNotContaining(plaintext);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "411111111111", "000000000000", "5500005555555559123"})
    void tokenRefusesAnyTwelveDigitRunEvenInsideAWellFormedToken(String digits) {
        String value = "crd_v1_" + digits + MAC.substring(digits.length());
        assertThat(value).hasSize(7 + Token.MAC_CHARS);
        assertThatIllegalArgumentException().isThrownBy(() -> Token.of(value)).withMessageNotContaining(digits);
    }

    @Test
    void tokenAcceptsElevenDigitsAndKeepsKindAndKeyVersion() {
        Token token = Token.of("crd_v12_" + "01234567890" + MAC.substring(11));
        assertThat(token.kind()).isEqualTo("crd");
        assertThat(token.keyVersion()).isEqualTo(12);
        assertThat(Token.of("cus_v1_" + MAC).keyVersion()).isEqualTo(1);
    }

    private static String sealed(int bytes) {
        byte[] raw = new byte[bytes];
        Arrays.fill(raw, (byte) 7);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Jane Smith",
                "jane@example.com",
                "ct1.short",
                "ct.abcdefghijklmnopqrstuvwxyz",
                "ct1.has spaces in it ok?",
                // dotted plaintext that the old shape-only check let through
                "ct1.Jane.Smith.lives.at.Main",
                "ct1.Jane-Smith-123-Main-Street-Springfield"
            })
    void ciphertextRefusesPlaintext(String plaintext) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ciphertext.of(plaintext))
                .withMessageNotContaining(plaintext);
    }

    @Test
    void ciphertextMustParseAsTheEnvelope() {
        assertThat(Ciphertext.of("ct1.keyRef." + sealed(28)).formatVersion()).isEqualTo(1);
        // shorter than nonce plus tag: nothing could have been sealed in it
        assertThatIllegalArgumentException().isThrownBy(() -> Ciphertext.of("ct1.keyRef." + sealed(27)));
        // a format this code does not know, an extra part, an empty key reference, a body that is not base64url
        assertThatIllegalArgumentException().isThrownBy(() -> Ciphertext.of("ct2.keyRef." + sealed(40)));
        assertThatIllegalArgumentException().isThrownBy(() -> Ciphertext.of("ct1.keyRef." + sealed(40) + ".x"));
        assertThatIllegalArgumentException().isThrownBy(() -> Ciphertext.of("ct1.." + sealed(40)));
        assertThatIllegalArgumentException().isThrownBy(() -> Ciphertext.of("ct1.keyRef." + sealed(39) + "A"));
    }

    @Test
    void envelopeRoundTripsAndHidesTheBodyInToString() {
        byte[] raw = new byte[40];
        Arrays.fill(raw, (byte) 9);
        Ciphertext ct = Ciphertext.of(CiphertextEnvelope.format("cus_v1_" + MAC, raw));
        CiphertextEnvelope.Parts parts = CiphertextEnvelope.parse(ct.value());
        assertThat(parts.keyRef()).isEqualTo("cus_v1_" + MAC);
        assertThat(parts.sealed()).isEqualTo(raw);
        assertThat(ct.toString()).hasSize(19).endsWith("...");
    }

    @ParameterizedTest
    @ValueSource(strings = {"****1234", "J.S.", "J.", "917**", "30-39", "0-17", "700+", "<20000", "unknown"})
    void maskedAcceptsTheMaskShapes(String masked) {
        assertThat(Masked.of(masked).value()).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111234",
                "Jane",
                "91750",
                "1987-02-03",
                "J.Smith",
                "****ABCD",
                // digits without the mask
                "5678",
                "918",
                // bands that are really values: a birth month, a reversed or too narrow range, leading zeros
                "1987-02",
                "1987-1988",
                "40-30",
                "0917-0999",
                "<0917"
            })
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
