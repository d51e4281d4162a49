package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@AwsEmulatorTest
class SqsSnsIT {

    private final SqsClient sqs;
    private final SnsClient sns;
    private final CdpResources names;

    SqsSnsIT(AwsClients clients, CdpResources names) {
        this.sqs = clients.sqs();
        this.sns = clients.sns();
        this.names = names;
    }

    @Test
    void sendAndReceiveDeliversTheBodyAndDeleteRemovesIt() {
        String url = url(names.queue(Queue.FRAUD_ALERTS));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"alertId\":\"a-1\"}"));

        List<Message> messages = receive(url, 1);

        assertThat(messages).extracting(Message::body).containsExactly("{\"alertId\":\"a-1\"}");
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(messages.getFirst().receiptHandle()));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages())
                .isEmpty();
    }

    @Test
    void messageMovesToTheDeadLetterQueueAfterMaxReceiveCount() {
        String queueName = names.queue(Queue.FRAUD_ALERTS);
        String redrive = sqs.getQueueAttributes(
                        b -> b.queueUrl(url(queueName)).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes()
                .get(QueueAttributeName.REDRIVE_POLICY);
        assertThat(redrive.replace(" ", ""))
                .containsPattern("\"maxReceiveCount\":\"?" + Queue.FRAUD_ALERTS.maxReceiveCount());
        // a private queue with the same kind of policy and a low count, so this test owns every message in it
        String dlqUrl = sqs.createQueue(b -> b.queueName(names.namespace() + "poison-test-dlq"))
                .queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String poisonUrl = sqs.createQueue(b -> b.queueName(names.namespace() + "poison-test")
                        .attributes(Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}",
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "0")))
                .queueUrl();
        sqs.sendMessage(b -> b.queueUrl(poisonUrl).messageBody("poison"));

        // a consumer that keeps failing: receive without delete
        for (int attempt = 0; attempt < 3; attempt++) {
            sqs.receiveMessage(b -> b.queueUrl(poisonUrl).waitTimeSeconds(0).maxNumberOfMessages(1));
        }

        assertThat(receive(dlqUrl, 1)).extracting(Message::body).containsExactly("poison");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(poisonUrl).waitTimeSeconds(0))
                        .messages())
                .isEmpty();
    }

    @Test
    void snsPublishReachesASubscribedQueue() {
        String topicArn = sns.createTopic(b -> b.name(names.topic(Topic.CUSTOMER_NOTIFICATIONS)))
                .topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName(names.namespace() + "notifications-tap"))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));

        sns.publish(b ->
                b.topicArn(topicArn).message("your card ending 1234 was used").subject("fraud alert"));

        assertThat(receive(queueUrl, 1)).extracting(Message::body).containsExactly("your card ending 1234 was used");
    }

    private String url(String queueName) {
        return sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    }

    private List<Message> receive(String url, int expected) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 10 && messages.size() < expected; i++) {
            messages.addAll(
                    sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10))
                            .messages());
        }
        return messages;
    }
}
