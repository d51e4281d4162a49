package io.cdp.c360.config;

import io.cdp.c360.models.CustomerModels;
import io.cdp.c360.models.RegistryCustomerModels;
import io.cdp.c360.store.CachingProfileStore;
import io.cdp.c360.store.DynamoProfileStore;
import io.cdp.c360.store.ProfileStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The plain-Java pieces wired together; AWS clients and {@link CdpResources} come from cdp-service-support. */
@Configuration(proxyBeanMethods = false)
class Customer360Configuration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    ProfileStore profileStore(
            DynamoDbClient dynamoDb,
            CdpResources names,
            Customer360Properties properties,
            Clock clock,
            EventCodec codec) {
        ProfileStore store = new DynamoProfileStore(
                dynamoDb, names.table(Table.PROFILES), properties.eventRetention(), clock, codec.mapper());
        return properties.readCacheTtl().isZero()
                ? store
                : new CachingProfileStore(store, properties.readCacheTtl(), properties.readCacheMaxStale(), 100_000);
    }

    @Bean
    CustomerModels customerModels(
            DynamoDbClient dynamoDb, S3Client s3, CdpResources names, Customer360Properties properties, Clock clock) {
        return new RegistryCustomerModels(dynamoDb, s3, names.table(Table.MODELS), properties.modelRefresh(), clock);
    }
}
