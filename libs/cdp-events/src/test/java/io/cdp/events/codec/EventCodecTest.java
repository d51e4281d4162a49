package io.cdp.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.events.Envelope;
import io.cdp.events.EventType;
import io.cdp.events.SampleEvents;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.TransactionRecordedV1;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    static List<EventPayload> payloads() {
        return SampleEvents.oneOfEach();
    }

    @Test
    void coversEveryEventType() {
        assertThat(payloads()).extracting(EventType::of).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void roundTripsEveryEventTypeUnchanged(EventPayload payload) {
        var envelope = Envelope.of(
                        "core-banking",
                        "key-1",
                        SampleEvents.transactionEnvelope().occurredAt(),
                        payload)
                .withTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        Envelope<?> decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void writesTheLogicalTypeNameNotAClassName() {
        String json = new String(codec.encode(SampleEvents.transactionEnvelope()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"eventType\":\"transaction.recorded.v1\"").doesNotContain("io.cdp");
    }

    @Test
    void rejectsMissingRequiredEnvelopeFieldNamingIt() {
        ObjectNode node = tree(SampleEvents.transactionEnvelope());
        node.remove("partitionKey");

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOfSatisfying(
                        EventValidationException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldError("$.partitionKey", "required field is missing")));
    }

    @Test
    void rejectsMissingRequiredPayloadFieldNamingIt() {
        ObjectNode node = tree(SampleEvents.transactionEnvelope());
        ((ObjectNode) node.get("payload")).remove("amount");

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOfSatisfying(
                        EventValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::path).containsExactly("$.payload.amount"));
    }

    @Test
    void rejectsWrongTypeNamingTheFieldAndTheExpectedType() {
        ObjectNode node = tree(SampleEvents.transactionEnvelope());
        ((ObjectNode) node.get("payload")).put("mcc", "groceries");

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOfSatisfying(EventValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::path).containsExactly("$.payload.mcc");
                    assertThat(e.errors().getFirst().message())
                            .contains("wrong type")
                            .contains("integer");
                });
    }

    @Test
    void rejectsUnknownEventTypeNamingTheType() {
        ObjectNode node = tree(SampleEvents.transactionEnvelope());
        node.put("eventType", "transaction.teleported.v1");

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOf(EventValidationException.class)
                .hasMessageContaining("$.eventType")
                .hasMessageContaining("unknown event type 'transaction.teleported.v1'");
    }

    @Test
    void rejectsAClassNameAsEventType() {
        ObjectNode node = tree(SampleEvents.transactionEnvelope());
        node.put("eventType", TransactionRecordedV1.class.getName());

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOfSatisfying(
                        EventValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::path).contains("$.eventType"));
    }

    @Test
    void rejectsPlaintextWhereAToken() {
        ObjectNode node = tree(SampleEvents.transactionEnvelope());
        ((ObjectNode) node.get("payload")).put("cardToken", "4111111111111111");

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOfSatisfying(EventValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::path).containsExactly("$.payload.cardToken");
                    assertThat(e.getMessage()).doesNotContain("4111111111111111");
                });
    }

    @Test
    void rejectsAPlaintextNameSmuggledIntoACustomerEvent() {
        var envelope = Envelope.of(
                "core-banking",
                SampleEvents.CUSTOMER.value(),
                SampleEvents.transactionEnvelope().occurredAt(),
                SampleEvents.oneOfEach().stream()
                        .filter(CustomerUpsertedV1.class::isInstance)
                        .findFirst()
                        .orElseThrow());
        ObjectNode node = tree(envelope);
        ((ObjectNode) node.get("payload")).put("fullName", "Jane Smith");
        ((ObjectNode) node.get("payload")).put("encryptedName", "Jane Smith");

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOfSatisfying(EventValidationException.class, e -> {
                    assertThat(e.errors())
                            .extracting(FieldError::path)
                            .containsExactlyInAnyOrder("$.payload.fullName", "$.payload.encryptedName");
                    assertThat(e.getMessage()).doesNotContain("Jane");
                });
    }

    @Test
    void rejectsBadTimestampAndUuidFormats() {
        ObjectNode node = tree(SampleEvents.transactionEnvelope());
        node.put("eventId", "not-a-uuid");
        node.put("occurredAt", "yesterday");

        assertThatThrownBy(() -> codec.decode(bytes(node)))
                .isInstanceOfSatisfying(
                        EventValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::path).contains("$.eventId", "$.occurredAt"));
    }

    @Test
    void rejectsNonJsonWithAClearError() {
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventValidationException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void decodeAsOtherTypeNamesBothTypes() {
        byte[] bytes = codec.encode(SampleEvents.transactionEnvelope());

        assertThatThrownBy(() -> codec.decode(bytes, CustomerUpsertedV1.class))
                .hasMessageContaining("expected customer.upserted.v1 but was transaction.recorded.v1");
    }

    @Test
    void encodeRefusesAnEventThatBreaksTheContract() {
        var bad = new TransactionRecordedV1(
                "tx 1 with spaces",
                SampleEvents.CARD,
                SampleEvents.CUSTOMER,
                SampleEvents.transaction().transactionTime(),
                SampleEvents.transaction().amount(),
                "usd",
                "m1",
                null,
                null,
                null,
                5411,
                SampleEvents.transaction().channel(),
                List.of(),
                null);

        assertThatThrownBy(() -> codec.encode(Envelope.of("core-banking", "k", bad.transactionTime(), bad)))
                .isInstanceOfSatisfying(
                        EventValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::path)
                                .containsExactlyInAnyOrder("$.payload.transactionId", "$.payload.currency"));
    }

    private ObjectNode tree(Envelope<?> envelope) {
        return (ObjectNode) codec.mapper().readTree(codec.encode(envelope));
    }

    private byte[] bytes(ObjectNode node) {
        return codec.mapper().writeValueAsBytes(node);
    }
}
