package io.cdp.alerting.answers;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.cdp.alerting.record.AlertRecord;
import io.cdp.alerting.record.AlertStore;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.FeedbackChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two-way SMS replies from the queue subscribed to End User Messaging's inbound topic, correlated with the alert by the
 * published message id they answer. A reply that is no answer, or answers no known alert, is logged (without its text or
 * number) and dropped; a failure to record throws, so SQS redelivers it and, past the redrive limit, dead-letters it.
 */
@Component
class SmsReplyListener {

    private static final Logger log = LoggerFactory.getLogger(SmsReplyListener.class);

    private final AlertStore store;
    private final AnswerService answers;
    private final JsonMapper json;

    SmsReplyListener(AlertStore store, AnswerService answers, JsonMapper json) {
        this.store = store;
        this.answers = answers;
        this.json = json;
    }

    @SqsListener(value = "#{@alertingQueues.smsReplies()}", maxConcurrentMessages = "20")
    public void onReply(String body) {
        InboundSms sms = InboundSms.parse(body, json);
        Optional<Answer> answer = ReplyParser.parse(sms.messageBody());
        if (answer.isEmpty() || sms.previousPublishedMessageId() == null) {
            log.info("SMS reply {} is no YES/NO answer to an alert; ignored", sms.inboundMessageId());
            return;
        }
        Optional<AlertRecord> alert = store.byMessageId(sms.previousPublishedMessageId());
        if (alert.isEmpty()) {
            log.info("SMS reply {} answers no known alert; ignored", sms.inboundMessageId());
            return;
        }
        answers.answer(alert.get(), answer.get(), FeedbackChannel.SMS);
    }
}
