package io.cdp.pii.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.events.pii.Token;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sameValueUnderSameKeyGivesSameToken() {
        assertThat(new Tokenizer(key(1)).card("4344676511950444"))
                .isEqualTo(new Tokenizer(key(1)).card("4344676511950444"));
    }

    @Test
    void differentKeyGivesUnrelatedToken() {
        assertThat(new Tokenizer(key(1)).customer("17")).isNotEqualTo(new Tokenizer(key(2)).customer("17"));
    }

    @Test
    void kindIsPartOfTheKeyedInputNotJustThePrefix() {
        Tokenizer tokenizer = new Tokenizer(key(1));
        Token customer = tokenizer.tokenize(TokenKind.CUSTOMER, "42");
        Token card = tokenizer.tokenize(TokenKind.CARD, "42");
        assertThat(customer.value()).startsWith("cus_v1_");
        assertThat(card.value()).startsWith("crd_v1_");
        assertThat(customer.value().substring(7)).isNotEqualTo(card.value().substring(7));
    }

    @Test
    void tokenNeverContainsTheValueAndHasTheExactFormat() {
        Token token = new Tokenizer(key(3)).card("4344676511950444");
        assertThat(token.value())
                .doesNotContain("4344")
                .doesNotContain("0444")
                .hasSize(7 + Token.MAC_CHARS)
                .matches(Token.PATTERN);
    }

    @Test
    void everyKindMakesATokenTheContractAccepts() {
        Tokenizer tokenizer = new Tokenizer(key(4));
        for (TokenKind kind : TokenKind.values()) {
            assertThat(Token.of(tokenizer.tokenize(kind, "7").value()).kind()).isEqualTo(kind.prefix());
        }
    }

    @Test
    void theVersionIsInTheTokenAndEachVersionIsDeterministic() {
        Tokenizer rotated = new Tokenizer(new TokenKeyring(2, Map.of(1, key(1), 2, key(2))));
        Token v2 = rotated.card("4000123412341234");
        assertThat(v2.keyVersion()).isEqualTo(2);
        assertThat(v2.value()).startsWith("crd_v2_");
        // under version 1 the rotated tokenizer gives exactly what a version-1-only tokenizer gave before the rotation
        assertThat(rotated.tokenize(TokenKind.CARD, "4000123412341234", 1))
                .isEqualTo(new Tokenizer(key(1)).card("4000123412341234"));
        assertThat(rotated.everyLiveVersion(TokenKind.CARD, "4000123412341234"))
                .containsExactly(v2, new Tokenizer(key(1)).card("4000123412341234"));
    }

    @Test
    void aRetiredVersionCannotBeComputed() {
        Tokenizer onlyV2 = new Tokenizer(new TokenKeyring(2, Map.of(2, key(2))));
        assertThatThrownBy(() -> onlyV2.tokenize(TokenKind.CARD, "1", 1))
                .isInstanceOf(UnknownTokenKeyVersionException.class);
    }

    @Test
    void theCurrentVersionMustBeTheNewest() {
        assertThatThrownBy(() -> new TokenKeyring(1, Map.of(1, key(1), 2, key(2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyringAndTokenizerNeverPrintKeyBytes() {
        TokenKeyring keyring = new TokenKeyring(2, Map.of(1, key(0x41), 2, key(0x42)));
        assertThat(keyring.toString()).isEqualTo("TokenKeyring[current=v2, versions=[1, 2]]");
        assertThat(new Tokenizer(keyring).toString()).doesNotContain("AAAA").doesNotContain("BBBB");
    }

    @Test
    void reDerivationForDigitRunsIsDeterministicAndDistinct() {
        byte[] input = "crd:4000".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Tokenizer.withCounter(input, 1))
                .isEqualTo(Tokenizer.withCounter(input, 1))
                .isNotEqualTo(Tokenizer.withCounter(input, 2))
                .isNotEqualTo(input);
    }

    @Test
    void noTokenHoldsATwelveDigitRun() {
        Tokenizer tokenizer = new Tokenizer(key(5));
        for (int i = 0; i < 20_000; i++) {
            assertThat(tokenizer.card(Long.toString(4_000_000_000_000_000L + i)).value())
                    .doesNotContainPattern("[0-9]{12}");
        }
    }

    @Test
    void refusesShortKeysAndEmptyValues() {
        assertThatThrownBy(() -> new Tokenizer(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tokenizer(key(1)).customer("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opaqueIdsAreKeyedHexIdentifiers() {
        String id = new Tokenizer(key(1)).opaqueId(TokenKind.TRANSACTION, "tx-7-0-201901020943-0");
        assertThat(id)
                .matches("txn-[0-9a-f]{32}")
                .isEqualTo(new Tokenizer(key(1)).opaqueId(TokenKind.TRANSACTION, "tx-7-0-201901020943-0"));
        assertThat(id).isNotEqualTo(new Tokenizer(key(2)).opaqueId(TokenKind.TRANSACTION, "tx-7-0-201901020943-0"));
    }
}
