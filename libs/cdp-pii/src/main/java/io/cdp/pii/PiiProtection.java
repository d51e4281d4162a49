package io.cdp.pii;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.audit.AuditLog;
import io.cdp.pii.audit.DynamoDbAuditLog;
import io.cdp.pii.crypto.CoreZoneCredentials;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.DynamoDbDataKeyStore;
import io.cdp.pii.crypto.FieldEncryptor;
import io.cdp.pii.crypto.KmsKeyWrapper;
import io.cdp.pii.crypto.PiiDecryptor;
import io.cdp.pii.crypto.SubjectKeys;
import io.cdp.pii.token.TokenKeyStore;
import io.cdp.pii.token.Tokenizer;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The PII toolkit of one core-zone process, wired to the registry's resources: the tokenizer (versioned keys in
 * the {@code token-keys} table, KMS-encrypted under the token wrapping key), the field encryptor (KMS PII key, {@code pii-keys} table, data-key cache), erasure, and, only for
 * callers holding {@link CoreZoneCredentials}, the decryptor.
 */
public final class PiiProtection {

    private final Tokenizer tokenizer;
    private final SubjectKeys subjectKeys;
    private final FieldEncryptor encryptor;
    private final AuditLog audit;
    private final Clock clock;

    public PiiProtection(Tokenizer tokenizer, SubjectKeys subjectKeys, AuditLog audit, Clock clock) {
        this.tokenizer = tokenizer;
        this.subjectKeys = subjectKeys;
        this.encryptor = new FieldEncryptor(subjectKeys);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param kmsInterceptor optional, e.g. a {@link io.cdp.pii.crypto.KmsCallCounter}
     */
    public static PiiProtection fromAws(
            AwsClients clients,
            CdpResources names,
            DataKeyCache.Limits limits,
            @Nullable ExecutionInterceptor kmsInterceptor) {
        KmsClient kms = clients.configure(
                        KmsClient.builder()
                                .httpClientBuilder(ApacheHttpClient.builder())
                                .overrideConfiguration(o -> {
                                    if (kmsInterceptor != null) {
                                        o.addExecutionInterceptor(kmsInterceptor);
                                    }
                                }),
                        "kms")
                .build();
        DynamoDbClient dynamoDb = clients.dynamoDb();
        Tokenizer tokenizer = new Tokenizer(tokenKeys(clients, names, kms).load());
        SubjectKeys keys = new SubjectKeys(
                new KmsKeyWrapper(kms, names.keyAlias(CdpResources.KmsKey.PII)),
                new DynamoDbDataKeyStore(dynamoDb, names.table(CdpResources.Table.PII_KEYS)),
                new DataKeyCache(limits),
                Clock.systemUTC());
        return new PiiProtection(
                tokenizer,
                keys,
                new DynamoDbAuditLog(dynamoDb, names.table(CdpResources.Table.AUDIT)),
                Clock.systemUTC());
    }

    /** The versioned token keys of this namespace, for loading, rotation and retirement (ADR 0010). */
    public static TokenKeyStore tokenKeys(AwsClients clients, CdpResources names, KmsClient kms) {
        return new TokenKeyStore(
                kms,
                clients.dynamoDb(),
                names.table(CdpResources.Table.TOKEN_KEYS),
                names.keyAlias(CdpResources.KmsKey.TOKEN),
                Clock.systemUTC());
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public FieldEncryptor encryptor() {
        return encryptor;
    }

    public SubjectKeys subjectKeys() {
        return subjectKeys;
    }

    /** The decrypt path; throws {@link SecurityException} from the credentials' factory outside the core zone. */
    public PiiDecryptor decryptor(CoreZoneCredentials credentials) {
        return new PiiDecryptor(credentials, subjectKeys, audit, clock);
    }
}
