package io.cdp.pii.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.events.pii.Token;
import java.util.Arrays;
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
        assertThat(customer.value()).startsWith("cus_");
        assertThat(card.value()).startsWith("crd_");
        assertThat(customer.value().substring(4)).isNotEqualTo(card.value().substring(4));
    }

    @Test
    void tokenNeverContainsTheValue() {
        Token token = new Tokenizer(key(3)).card("4344676511950444");
        assertThat(token.value()).doesNotContain("4344").doesNotContain("0444").hasSize(4 + 43);
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
