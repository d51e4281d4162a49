package io.cdp.alerting.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** End User Messaging's two-way SMS payload, raw or inside SNS's notification envelope. */
class InboundSmsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PAYLOAD = "{\"originationNumber\":\"+15550142\",\"destinationNumber\":\"+15550100\","
            + "\"messageKeyword\":\"KEYWORD_1\",\"messageBody\":\"Yes\",\"inboundMessageId\":\"in-1\","
            + "\"previousPublishedMessageId\":\"msg-9\"}";

    @Test
    void rawDelivery() {
        InboundSms sms = InboundSms.parse(PAYLOAD, JSON);
        assertThat(sms.messageBody()).isEqualTo("Yes");
        assertThat(sms.previousPublishedMessageId()).isEqualTo("msg-9");
        assertThat(sms.inboundMessageId()).isEqualTo("in-1");
    }

    @Test
    void insideTheSnsEnvelope() {
        String envelope = JSON.writeValueAsString(java.util.Map.of(
                "Type",
                "Notification",
                "MessageId",
                "sns-1",
                "TopicArn",
                "arn:aws:sns:us-east-1:1:t",
                "Message",
                PAYLOAD));
        assertThat(InboundSms.parse(envelope, JSON).previousPublishedMessageId())
                .isEqualTo("msg-9");
    }

    @Test
    void unreadableInputIsRefusedWithoutQuotingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InboundSms.parse("{\"originationNumber\":\"+15550142\", oops", JSON))
                .withMessageNotContaining("15550142")
                .withNoCause();
        assertThatIllegalArgumentException().isThrownBy(() -> InboundSms.parse("{\"x\":1}", JSON));
    }
}
