package io.cdp.core.extraction;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;

import blue.strategic.parquet.Dehydrator;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.ParquetFiles;
import io.cdp.lake.RawTransactions;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the history to the lake's {@code raw/} prefix as Parquet (parquet-floor: Parquet without Hadoop's
 * dependency tree): transactions partitioned {@code raw/transactions/year=YYYY/month=MM/}, customers and
 * cards as snapshots, each object named by the extraction id so a re-run never overwrites another run.
 * Only tokens, masked values, non-personal attributes and ciphertext are written.
 */
public final class LakeWriter {

    public record LakeObject(String key, long rows, long bytes, String sha256) {}

    private static final LogicalTypeAnnotation STRING = LogicalTypeAnnotation.stringType();

    static final MessageType CUSTOMERS = Types.buildMessage()
            .required(BINARY)
            .as(STRING)
            .named("customer_token")
            .required(BINARY)
            .as(STRING)
            .named("name_initials")
            .required(BINARY)
            .as(STRING)
            .named("age_band")
            .required(BINARY)
            .as(STRING)
            .named("income_band")
            .required(BINARY)
            .as(STRING)
            .named("fico_band")
            .required(BINARY)
            .as(STRING)
            .named("zip3")
            .required(BINARY)
            .as(STRING)
            .named("home_state")
            .required(INT32)
            .named("num_cards")
            .required(BINARY)
            .as(STRING)
            .named("encrypted_name")
            .required(BINARY)
            .as(STRING)
            .named("encrypted_email")
            .required(BINARY)
            .as(STRING)
            .named("encrypted_address")
            .required(BINARY)
            .as(STRING)
            .named("encrypted_birth_date")
            .optional(BINARY)
            .as(STRING)
            .named("encrypted_phone")
            .named("customer");

    static final MessageType CARDS = Types.buildMessage()
            .required(BINARY)
            .as(STRING)
            .named("card_token")
            .required(BINARY)
            .as(STRING)
            .named("customer_token")
            .required(BINARY)
            .as(STRING)
            .named("card_last4")
            .required(BINARY)
            .as(STRING)
            .named("brand")
            .required(BINARY)
            .as(STRING)
            .named("card_type")
            .required(BOOLEAN)
            .named("has_chip")
            .required(DOUBLE)
            .named("credit_limit")
            .required(BOOLEAN)
            .named("on_dark_web")
            .required(BINARY)
            .as(STRING)
            .named("encrypted_card_number")
            .required(BINARY)
            .as(STRING)
            .named("encrypted_expiry")
            .named("card");

    private final S3Client s3;
    private final String bucket;
    private final Path workDir;

    public LakeWriter(S3Client s3, String bucket, Path workDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.workDir = workDir;
    }

    public List<LakeObject> transactions(String extractionId, List<TransactionRecordedV1> history) {
        Map<String, List<TransactionRecordedV1>> byMonth = new TreeMap<>();
        for (TransactionRecordedV1 t : history) {
            byMonth.computeIfAbsent(LakeLayout.rawTransactionsPartition(t.transactionTime()), k -> new ArrayList<>())
                    .add(t);
        }
        List<LakeObject> objects = new ArrayList<>();
        byMonth.forEach((partition, rows) -> objects.add(upload(
                partition + extractionId + ".parquet", RawTransactions.SCHEMA, rows, RawTransactions.DEHYDRATOR)));
        return objects;
    }

    public LakeObject customers(String extractionId, List<Protector.ProtectedCustomer> customers) {
        return upload(LakeLayout.RAW_CUSTOMERS + extractionId + ".parquet", CUSTOMERS, customers, (pc, w) -> {
            var c = pc.event();
            w.write("customer_token", c.customerToken().value());
            w.write("name_initials", c.nameInitials().value());
            w.write("age_band", c.ageBand().value());
            w.write("income_band", c.incomeBand().value());
            w.write("fico_band", c.ficoBand().value());
            w.write("zip3", c.zip3().value());
            w.write("home_state", c.homeState());
            w.write("num_cards", c.numCards());
            w.write("encrypted_name", c.encryptedName().value());
            w.write("encrypted_email", c.encryptedEmail().value());
            w.write("encrypted_address", c.encryptedAddress().value());
            w.write("encrypted_birth_date", pc.encryptedBirthDate().value());
            if (pc.encryptedPhone() != null) {
                w.write("encrypted_phone", pc.encryptedPhone().value());
            }
        });
    }

    public LakeObject cards(String extractionId, List<Protector.ProtectedCard> cards) {
        return upload(LakeLayout.RAW_CARDS + extractionId + ".parquet", CARDS, cards, (pc, w) -> {
            var c = pc.event();
            w.write("card_token", c.cardToken().value());
            w.write("customer_token", c.customerToken().value());
            w.write("card_last4", c.cardLast4().value());
            w.write("brand", c.brand());
            w.write("card_type", c.cardType());
            w.write("has_chip", c.hasChip());
            w.write("credit_limit", c.creditLimit().doubleValue());
            w.write("on_dark_web", c.onDarkWeb());
            w.write("encrypted_card_number", c.encryptedCardNumber().value());
            w.write("encrypted_expiry", pc.encryptedExpiry().value());
        });
    }

    public void putManifest(String key, byte[] json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(json));
    }

    private <T> LakeObject upload(String key, MessageType schema, List<T> rows, Dehydrator<T> dehydrator) {
        byte[] bytes = ParquetFiles.write(schema, rows, dehydrator, workDir);
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(LakeLayout.PARQUET_CONTENT_TYPE),
                RequestBody.fromBytes(bytes));
        return new LakeObject(key, rows.size(), bytes.length, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
