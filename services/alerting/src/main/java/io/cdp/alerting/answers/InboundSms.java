package io.cdp.alerting.answers;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS End User Messaging's two-way SMS payload (published to an SNS topic): {@code originationNumber},
 * {@code destinationNumber}, {@code messageKeyword}, {@code messageBody}, {@code inboundMessageId},
 * {@code previousPublishedMessageId} (the id of the message the customer answers). On the SQS queue subscribed to the
 * topic it arrives inside SNS's notification envelope ({@code Type: Notification}, {@code Message}) unless raw delivery
 * is on; both are accepted.
 */
public record InboundSms(
        String messageBody,
        @Nullable String previousPublishedMessageId,
        @Nullable String inboundMessageId) {

    public static InboundSms parse(String sqsBody, JsonMapper json) {
        JsonNode node;
        try {
            node = json.readTree(sqsBody);
            if ("Notification".equals(text(node, "Type")) && node.hasNonNull("Message")) {
                node = json.readTree(node.get("Message").asString());
            }
        } catch (tools.jackson.core.JacksonException e) {
            // no cause: the parser's message quotes the input, which holds the customer's phone number
            throw new IllegalArgumentException("not a JSON two-way SMS payload");
        }
        String body = text(node, "messageBody");
        if (body == null) {
            throw new IllegalArgumentException("not a two-way SMS payload: no messageBody");
        }
        return new InboundSms(body, text(node, "previousPublishedMessageId"), text(node, "inboundMessageId"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
