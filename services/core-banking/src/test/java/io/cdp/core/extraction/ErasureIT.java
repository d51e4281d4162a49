package io.cdp.core.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.core.erasure.CustomerErasure;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.core.store.CoreStore;
import io.cdp.core.tabformer.Customer;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CardUpsertedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.CoreZoneCredentials;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.pii.crypto.KeyShreddedException;
import io.cdp.pii.crypto.PiiDecryptor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crypto-shredding end to end: after an extraction, erasing one customer makes their ciphertexts in the
 * Kinesis records and in the lake objects undecryptable, untouched, while another customer's still decrypt.
 */
@AwsEmulatorTest
class ErasureIT {

    private static final CoreZoneCredentials CORE =
            CoreZoneCredentials.fromConfiguration("core", "erasure-it", Set.of("pii:decrypt"));

    @Test
    void erasingACustomerShredsTheirCopiesOnStreamAndLakeButNotOthers(
            AwsClients clients, CdpResources names, @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        new TabFormerGenerator(new TabFormerGenerator.Options(6, 5, LocalDate.of(2019, 5, 1), 10)).write(data);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink sink = new DynamoDbLoadSink(clients.dynamoDb(), names, 2)) {
            new TabFormerLoader(sink, rejects, new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(data));
        }
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        try (ExtractionRunner runner = ExtractionRunner.fromAws(clients, names, pii, dir.resolve("work"))) {
            assertThat(runner.runNow(ExtractionOptions.DEFAULT).state()).isEqualTo(ExtractionStatus.State.COMPLETED);
        }
        CoreStore store = new CoreStore(clients.dynamoDb(), names);
        Customer erased = store.customer("1").orElseThrow();
        Customer kept = store.customer("2").orElseThrow();
        String erasedToken = pii.tokenizer().customer("1").value();
        String keptToken = pii.tokenizer().customer("2").value();

        pii.decryptor(CORE).erase(erasedToken, "dpo-1", Purpose.ERASURE_REQUEST);

        // a fresh process: nothing cached, only what the core zone still holds
        PiiDecryptor decryptor = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null)
                .decryptor(CORE);
        EventCodec codec = new EventCodec();
        int erasedSeen = 0;
        int keptSeen = 0;
        for (String record : ExtractedData.streamRecords(clients, names.stream(CdpResources.Stream.CORE_CUSTOMERS))) {
            var envelope = codec.decode(record.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (envelope.payload() instanceof CustomerUpsertedV1 c) {
                FieldContext ctx =
                        new FieldContext("customer", c.customerToken().value(), "name");
                if (c.customerToken().value().equals(erasedToken)) {
                    assertThatThrownBy(
                                    () -> decryptor.decrypt(c.encryptedName(), ctx, "op", Purpose.FRAUD_INVESTIGATION))
                            .isInstanceOf(KeyShreddedException.class);
                    erasedSeen++;
                } else if (c.customerToken().value().equals(keptToken)) {
                    assertThat(decryptor.decrypt(c.encryptedName(), ctx, "op", Purpose.FRAUD_INVESTIGATION))
                            .isEqualTo(kept.name());
                    keptSeen++;
                }
            } else if (envelope.payload() instanceof CardUpsertedV1 card
                    && card.customerToken().value().equals(erasedToken)) {
                FieldContext ctx = new FieldContext("card", card.cardToken().value(), "cardNumber");
                assertThatThrownBy(() ->
                                decryptor.decrypt(card.encryptedCardNumber(), ctx, "op", Purpose.FRAUD_INVESTIGATION))
                        .isInstanceOf(KeyShreddedException.class);
                erasedSeen++;
            }
        }
        assertThat(erasedSeen).isGreaterThanOrEqualTo(2);
        assertThat(keptSeen).isEqualTo(1);

        int lakeErased = 0;
        int lakeKept = 0;
        for (var e : ExtractedData.lakeObjects(clients, names, dir).entrySet()) {
            if (!e.getKey().startsWith("raw/customers/")) {
                continue;
            }
            for (Map<String, String> row : e.getValue()) {
                String token = row.get("customer_token");
                FieldContext ctx = new FieldContext("customer", token, "address");
                Ciphertext address = new Ciphertext(row.get("encrypted_address"));
                if (token.equals(erasedToken)) {
                    assertThatThrownBy(() -> decryptor.decrypt(address, ctx, "op", Purpose.FRAUD_INVESTIGATION))
                            .isInstanceOf(KeyShreddedException.class);
                    lakeErased++;
                } else if (token.equals(keptToken)) {
                    assertThat(decryptor.decrypt(address, ctx, "op", Purpose.FRAUD_INVESTIGATION))
                            .startsWith(kept.address());
                    lakeKept++;
                }
            }
        }
        assertThat(List.of(lakeErased, lakeKept)).containsExactly(1, 1);
        assertThat(erased.name()).isNotBlank();
    }

    @Test
    void anErasedCustomersCoreRecordsLoseTheirPiiAndTheNextExtractionSkipsAndCountsThem(
            AwsClients clients, CdpResources names, @TempDir Path dir) throws Exception {
        // its own namespace: the other test of this class erases customers of the same generated ids
        CdpResources ns = CdpResources.forTest(ErasureIT.class.getName() + "#extraction");
        new io.cdp.aws.bootstrap.ResourceBootstrap(clients, ns).createAll();
        Path data = dir.resolve("data");
        new TabFormerGenerator(new TabFormerGenerator.Options(5, 4, LocalDate.of(2019, 5, 1), 6)).write(data);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink sink = new DynamoDbLoadSink(clients.dynamoDb(), ns, 2)) {
            new TabFormerLoader(sink, rejects, new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(data));
        }
        CoreStore store = new CoreStore(clients.dynamoDb(), ns);
        int total = store.allCustomers().active().size();
        Customer forgotten = store.customer("3").orElseThrow();
        PiiProtection pii = PiiProtection.fromAws(clients, ns, DataKeyCache.Limits.DEFAULT, null);
        PiiDecryptor decryptor = pii.decryptor(CORE);

        // customer 1: only the data key shredded (as by an older erasure); customer 3: the full erasure
        decryptor.erase(pii.tokenizer().customer("1").value(), "dpo-1", Purpose.ERASURE_REQUEST);
        List<String> announced = new java.util.ArrayList<>();
        CustomerErasure.Result result = new CustomerErasure(
                        pii.tokenizer(),
                        decryptor,
                        store,
                        Clock.systemUTC(),
                        (token, at) -> announced.add(token.value()))
                .erase("3", "dpo-1", Purpose.ERASURE_REQUEST);
        // the CDP zone hears of it under the customer's current token (customer-360 erases the profile)
        assertThat(announced).contains(pii.tokenizer().customer("3").value());

        assertThat(result.cards()).isPositive();
        assertThat(store.cardsOf("3")).isEmpty();
        assertThat(store.customer("3")).isEmpty();
        assertThat(store.isErased("3")).isTrue();
        var item = clients.dynamoDb()
                .getItem(b -> b.tableName(ns.table(CdpResources.Table.CUSTOMERS))
                        .key(Map.of(
                                "customerId",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("3"))))
                .item();
        assertThat(item).doesNotContainKeys("name", "email", "address", "birthYear", "birthMonth", "latitude");
        assertThat(item.toString()).doesNotContain(forgotten.name()).doesNotContain(forgotten.email());
        var cards = clients.dynamoDb()
                .query(b -> b.tableName(ns.table(CdpResources.Table.CARDS))
                        .keyConditionExpression("customerId = :c")
                        .expressionAttributeValues(
                                Map.of(":c", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("3"))))
                .items();
        assertThat(cards)
                .isNotEmpty()
                .allSatisfy(card -> assertThat(card)
                        .doesNotContainKeys("cardNumber", "cvv", "expires")
                        .containsKey("erasedAt"));

        ExtractionStatus status;
        try (ExtractionRunner runner = ExtractionRunner.fromAws(clients, ns, pii, dir.resolve("work"))) {
            status = runner.runNow(new ExtractionOptions(0.05, 0, false, true));
        }
        assertThat(status.state()).as("error: %s", status.error()).isEqualTo(ExtractionStatus.State.COMPLETED);
        assertThat(status.erasedCustomersSkipped()).isEqualTo(2);
        assertThat(status.customers()).isEqualTo(total - 2);

        Set<String> gone = Set.of(
                pii.tokenizer().customer("1").value(),
                pii.tokenizer().customer("3").value());
        int rows = 0;
        for (var e : ExtractedData.lakeObjects(clients, ns, dir).entrySet()) {
            if (!e.getKey().contains(status.extractionId())) {
                continue;
            }
            for (Map<String, String> row : e.getValue()) {
                assertThat(gone).doesNotContain(row.get("customer_token"));
                rows++;
            }
        }
        assertThat(rows).isPositive();
    }
}
