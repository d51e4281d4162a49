package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.events.resources.CdpResources;
import org.junit.jupiter.api.Test;

@AwsEmulatorTest(bootstrap = false)
class ResourceBootstrapIT {

    @Test
    void createsEveryRegistryResourceOnceAndNothingTheSecondTime(AwsClients clients) {
        CdpResources names = CdpResources.forTest("ResourceBootstrapIT-idempotence");

        var first = new ResourceBootstrap(clients, names).createAll();
        var second = new ResourceBootstrap(clients, names).createAll();

        assertThat(first.outcomes().keySet()).containsExactlyInAnyOrderElementsOf(names.allNames());
        assertThat(first.created()).isEqualTo(names.allNames().size());
        assertThat(second.outcomes())
                .as("nothing created the second time")
                .allSatisfy(
                        (name, outcome) -> assertThat(outcome).as(name).isEqualTo(ResourceBootstrap.Outcome.EXISTED));
        assertThat(clients.kinesis()
                        .describeStreamSummary(b -> b.streamName(names.stream(CdpResources.Stream.CORE_TRANSACTIONS)))
                        .streamDescriptionSummary()
                        .openShardCount())
                .isEqualTo(CdpResources.Stream.CORE_TRANSACTIONS.shards());
    }

    @Test
    void tablesGetTheirIndexesAndATableMadeBeforeItsIndexGetsItOnTheNextBootstrap(AwsClients clients) {
        CdpResources names = CdpResources.forTest("ResourceBootstrapIT-indexes");
        String profiles = names.table(CdpResources.Table.PROFILES);
        CdpResources.Index index = CdpResources.Index.PROFILES_BY_SEGMENT;
        // the profiles table as an older bootstrap made it: keys only, no index
        clients.dynamoDb()
                .createTable(b -> b.tableName(profiles)
                        .attributeDefinitions(
                                a -> a.attributeName("customerToken")
                                        .attributeType(
                                                software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                                a -> a.attributeName("sk")
                                        .attributeType(
                                                software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                        .keySchema(
                                k -> k.attributeName("customerToken")
                                        .keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.HASH),
                                k -> k.attributeName("sk")
                                        .keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.RANGE))
                        .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST));

        var outcome = new ResourceBootstrap(clients, names).createAll();

        assertThat(outcome.outcomes().get(profiles)).isEqualTo(ResourceBootstrap.Outcome.EXISTED);
        var described =
                clients.dynamoDb().describeTable(b -> b.tableName(profiles)).table();
        assertThat(described.globalSecondaryIndexes()).singleElement().satisfies(i -> {
            assertThat(i.indexName()).isEqualTo(index.name());
            assertThat(i.keySchema())
                    .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("seg:HASH", "customerToken:RANGE");
        });
        // and a sparse index answers: only items with a segment are in it
        clients.dynamoDb()
                .putItem(b -> b.tableName(profiles)
                        .item(java.util.Map.of(
                                "customerToken",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("c1"),
                                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("A#PROFILE"),
                                "seg",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                                "Champions"))));
        clients.dynamoDb()
                .putItem(b -> b.tableName(profiles)
                        .item(java.util.Map.of(
                                "customerToken",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("c1"),
                                "sk",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                                "D#2026-01-01"))));
        assertThat(clients.dynamoDb()
                        .query(b -> b.tableName(profiles)
                                .indexName(index.name())
                                .keyConditionExpression("seg = :s")
                                .expressionAttributeValues(java.util.Map.of(
                                        ":s",
                                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                                "Champions"))))
                        .items())
                .singleElement()
                .satisfies(item -> assertThat(item.get("sk").s()).isEqualTo("A#PROFILE"));
    }
}
