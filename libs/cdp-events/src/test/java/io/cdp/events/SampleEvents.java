package io.cdp.events;

import io.cdp.events.payload.AlertDispatchedV1;
import io.cdp.events.payload.CardUpsertedV1;
import io.cdp.events.payload.Channel;
import io.cdp.events.payload.CustomerErasedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.Decision;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.ReasonCode;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid payload of every event type, for round trips and for breaking on purpose. */
public final class SampleEvents {

    public static final Token CUSTOMER = Token.of("cus_v1_Q2hlY2tpbmdBY2NvdW50MDAxLi4uLi4uLi4uLi4uLi4");
    public static final Token CARD = Token.of("crd_v1_Q2FyZFRva2VuRm9yVGVzdHMxLi4uLi4uLi4uLi4uLi4");
    public static final Ciphertext CIPHER = Ciphertext.of("ct1.a2V5LXJlZg.bm9uY2UtYW5kLXNlYWxlZC1ieXRlcy1hbmQtdGFn");
    static final Instant T0 = Instant.parse("2019-03-04T10:15:30Z");

    private SampleEvents() {}

    public static List<EventPayload> oneOfEach() {
        var reasons = List.of(new ReasonCode("amount_over_avg_1w", 7.5, 1.25), new ReasonCode("count_10m", 9.0, 0.8));
        return List.of(
                new CustomerUpsertedV1(
                        CUSTOMER,
                        Masked.of("J.S."),
                        Masked.of("30-39"),
                        Masked.of("50000-74999"),
                        Masked.of("700-749"),
                        Masked.of("917**"),
                        "CA",
                        3,
                        CIPHER,
                        CIPHER,
                        CIPHER,
                        T0),
                new CardUpsertedV1(
                        CARD,
                        CUSTOMER,
                        Masked.last4("1234"),
                        "Visa",
                        "Debit",
                        true,
                        new BigDecimal("24295"),
                        false,
                        CIPHER,
                        T0),
                transaction(),
                new TransactionScoredV1(
                        "tx-000001",
                        CARD,
                        CUSTOMER,
                        T0,
                        new BigDecimal("134.09"),
                        "USD",
                        5411,
                        Channel.CHIP,
                        0.93,
                        Decision.DECLINE,
                        "fraud-xgb-20260101.1",
                        reasons,
                        Map.of("amount", 134.09, "count_10m", 9.0),
                        T0.plusMillis(40),
                        true,
                        false),
                new FraudAlertRequestedV1(
                        "alert-tx-000001",
                        "tx-000001",
                        CUSTOMER,
                        CARD,
                        Masked.last4("1234"),
                        new BigDecimal("134.09"),
                        "USD",
                        "-4282466774399734331",
                        "La Verne",
                        5411,
                        T0,
                        0.93,
                        "fraud-xgb-20260101.1",
                        reasons,
                        T0.plusMillis(50)),
                new AlertDispatchedV1(
                        "alert-tx-000001",
                        "tx-000001",
                        CUSTOMER,
                        AlertDispatchedV1.NotificationChannel.EMAIL,
                        AlertDispatchedV1.Composer.BEDROCK,
                        AlertDispatchedV1.Status.SENT,
                        "msg-1",
                        null,
                        T0.plusSeconds(3),
                        "us.anthropic.claude-haiku-4-5-20251001-v1:0",
                        null),
                new CustomerFeedbackReceivedV1(
                        "alert-tx-000001",
                        "tx-000001",
                        CUSTOMER,
                        CustomerFeedbackReceivedV1.Verdict.CONFIRMED_FRAUD,
                        CustomerFeedbackReceivedV1.FeedbackChannel.SMS,
                        T0.plusSeconds(600)),
                new CustomerErasedV1(CUSTOMER, T0.plusSeconds(900)));
    }

    public static TransactionRecordedV1 transaction() {
        return new TransactionRecordedV1(
                "tx-000001",
                CARD,
                CUSTOMER,
                T0,
                new BigDecimal("134.09"),
                "USD",
                "-4282466774399734331",
                "La Verne",
                "CA",
                "91750",
                5411,
                Channel.CHIP,
                List.of("Insufficient Balance"),
                null);
    }

    public static Envelope<TransactionRecordedV1> transactionEnvelope() {
        return Envelope.of("core-banking", CARD.value(), T0, transaction());
    }
}
