package io.cdp.alerting.delivery;

import java.util.Map;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Hands messages to AWS: e-mail with SES v2 {@code SendEmail}, one recipient per message (no customer ever sees
 * another's address); SMS with SNS {@code Publish} to the phone number, as a transactional SMS. Returns the provider's
 * message id, which two-way SMS replies name as {@code previousPublishedMessageId}.
 */
public class Delivery {

    private final SesV2Client ses;
    private final SnsClient sns;
    private final String sender;
    private final String smsSenderId;

    public Delivery(SesV2Client ses, SnsClient sns, String sender, String smsSenderId) {
        this.ses = ses;
        this.sns = sns;
        this.sender = sender;
        this.smsSenderId = smsSenderId;
    }

    public String email(String to, String subject, String body) {
        return ses.sendEmail(b -> b.fromEmailAddress(sender)
                        .destination(d -> d.toAddresses(to))
                        .content(c ->
                                c.simple(m -> m.subject(s -> s.data(subject).charset("UTF-8"))
                                        .body(x -> x.text(t -> t.data(body).charset("UTF-8"))))))
                .messageId();
    }

    public String sms(String phoneNumber, String body) {
        return sns.publish(b -> b.phoneNumber(phoneNumber)
                        .message(body)
                        .messageAttributes(Map.of(
                                "AWS.SNS.SMS.SMSType",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue("Transactional")
                                        .build(),
                                "AWS.SNS.SMS.SenderID",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue(smsSenderId)
                                        .build())))
                .messageId();
    }
}
