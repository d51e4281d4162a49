package io.cdp.alerting.config;

import io.cdp.events.resources.CdpResources;
import java.util.Map;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The emulator's share of what deploy/cdk sets up for messaging: a verified SES sender, inbound SMS topic to queue. */
public final class LocalMessaging {

    private LocalMessaging() {}

    public static void setUp(SesV2Client ses, SnsClient sns, SqsClient sqs, CdpResources names, String sender) {
        try {
            ses.createEmailIdentity(b -> b.emailIdentity(sender));
        } catch (AlreadyExistsException e) {
            // verified already
        }
        String topicArn = sns.createTopic(b -> b.name(names.topic(CdpResources.Topic.SMS_INBOUND)))
                .topicArn();
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(names.queue(CdpResources.Queue.SMS_REPLIES)))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        // idempotent: SNS returns the existing subscription for the same topic, protocol and endpoint
        sns.subscribe(b -> b.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
    }
}
