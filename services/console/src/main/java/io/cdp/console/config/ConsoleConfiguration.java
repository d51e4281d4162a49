package io.cdp.console.config;

import io.cdp.console.feed.ScoredFeed;
import io.cdp.console.lake.LakeSnapshots;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean(destroyMethod = "close")
    ScoredFeed scoredFeed(KinesisClient kinesis, CdpResources names, EventCodec codec, ConsoleProperties properties) {
        return new ScoredFeed(
                kinesis, names.stream(Stream.SCORED_TRANSACTIONS), codec, properties.feedSize(), properties.feedPoll());
    }

    @Bean(destroyMethod = "close")
    LakeSnapshots lakeSnapshots(S3Client s3, DynamoDbClient dynamo, CdpResources names, ConsoleProperties properties) {
        return new LakeSnapshots(s3, dynamo, names, properties.lakeRefresh());
    }
}
