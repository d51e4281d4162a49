package io.cdp.pii.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/** Versioned token keys against the emulator's KMS and DynamoDB (both tests share the class's namespace). */
@AwsEmulatorTest
class TokenKeyStoreIT {

    private static TokenKeyStore store(AwsClients clients, CdpResources names) {
        return new TokenKeyStore(
                clients.kms(),
                clients.dynamoDb(),
                names.table(CdpResources.Table.TOKEN_KEYS),
                names.keyAlias(CdpResources.KmsKey.TOKEN),
                Clock.systemUTC());
    }

    private static List<Map<String, AttributeValue>> items(AwsClients clients, CdpResources names) {
        return clients.dynamoDb()
                .scan(b ->
                        b.tableName(names.table(CdpResources.Table.TOKEN_KEYS)).consistentRead(true))
                .items();
    }

    @Test
    void keyMaterialIsStoredOnlyAsAKmsCiphertextBlob(AwsClients clients, CdpResources names) {
        Tokenizer tokenizer = new Tokenizer(store(clients, names).load());
        List<Map<String, AttributeValue>> items = items(clients, names);
        assertThat(items).isNotEmpty();
        for (Map<String, AttributeValue> item : items) {
            int version = Integer.parseInt(item.get("version").n());
            SdkBytes blob = item.get("wrappedKey").b();

            // the stored bytes are a KMS ciphertext: KMS decrypts them, under their own version's context only
            byte[] key = clients.kms()
                    .decrypt(b -> b.ciphertextBlob(blob).encryptionContext(TokenKeyStore.context(version)))
                    .plaintext()
                    .asByteArray();
            assertThat(key).hasSize(32);
            assertThat(blob.asByteArray()).hasSizeGreaterThan(key.length);
            assertThatThrownBy(() -> clients.kms()
                            .decrypt(b -> b.ciphertextBlob(blob).encryptionContext(TokenKeyStore.context(version + 1))))
                    .isInstanceOf(InvalidCiphertextException.class);
            // they are the key the tokenizer uses, which appears nowhere in the item in plaintext
            assertThat(new Tokenizer(new TokenKeyring(version, Map.of(version, key))).customer("c-1"))
                    .isEqualTo(tokenizer.tokenize(TokenKind.CUSTOMER, "c-1", version));
            for (AttributeValue value : item.values()) {
                if (value.b() != null) {
                    assertThat(indexOf(value.b().asByteArray(), key)).isEqualTo(-1);
                }
                assertThat(String.valueOf(value.s()))
                        .doesNotContain(java.util.HexFormat.of().formatHex(key));
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Test
    void tokensMadeUnderV1StayJoinableAfterRotatingToV2(AwsClients clients, CdpResources names) {
        TokenKeyStore keys = store(clients, names);
        Tokenizer before = new Tokenizer(keys.load());
        Token v1 = before.card("4000123412341234");
        int rotatedTo = keys.rotate();
        Tokenizer after = new Tokenizer(keys.load());

        assertThat(rotatedTo).isEqualTo(before.currentVersion() + 1);
        Token v2 = after.card("4000123412341234");
        assertThat(v2.keyVersion()).isEqualTo(rotatedTo);
        assertThat(v2).isNotEqualTo(v1);
        // a record written before the rotation is still found: the subject's token under every live version
        assertThat(after.everyLiveVersion(io.cdp.pii.token.TokenKind.CARD, "4000123412341234"))
                .startsWith(v2)
                .contains(v1);
        assertThat(after.tokenize(TokenKind.CARD, "4000123412341234", v1.keyVersion()))
                .isEqualTo(v1);
        // another process loading now agrees on every version
        assertThat(new Tokenizer(store(clients, names).load()).everyLiveVersion(TokenKind.CARD, "4000123412341234"))
                .isEqualTo(after.everyLiveVersion(TokenKind.CARD, "4000123412341234"));

        keys.retire(v1.keyVersion());
        Tokenizer retired = new Tokenizer(keys.load());
        assertThatThrownBy(() -> retired.tokenize(TokenKind.CARD, "4000123412341234", v1.keyVersion()))
                .isInstanceOf(UnknownTokenKeyVersionException.class);
        assertThat(retired.card("4000123412341234")).isEqualTo(v2);
        assertThatThrownBy(() -> keys.retire(rotatedTo)).isInstanceOf(IllegalArgumentException.class);
    }
}
