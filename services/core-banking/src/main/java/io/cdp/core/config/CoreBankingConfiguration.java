package io.cdp.core.config;

import io.cdp.aws.AwsClients;
import io.cdp.core.contact.ContactLookup;
import io.cdp.core.erasure.CustomerErasure;
import io.cdp.core.erasure.KinesisErasureEvents;
import io.cdp.core.extraction.ExtractionRunner;
import io.cdp.core.store.CoreStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.CoreZoneCredentials;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.PiiDecryptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Wires the core-zone pieces (cdp-pii, extraction) into the service. The {@link AwsClients} and {@link CdpResources}
 * beans come from cdp-service-support ({@code cdp.aws.*}).
 */
@Configuration(proxyBeanMethods = false)
class CoreBankingConfiguration {

    @Bean
    @Lazy
    PiiProtection piiProtection(AwsClients clients, CdpResources names) {
        return PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
    }

    @Bean
    @Lazy
    PiiDecryptor piiDecryptor(PiiProtection pii, CoreBankingProperties properties) {
        return pii.decryptor(
                CoreZoneCredentials.fromConfiguration(properties.zone(), properties.principal(), properties.scopes()));
    }

    @Bean
    @Lazy
    CustomerErasure customerErasure(PiiProtection pii, PiiDecryptor decryptor, AwsClients clients, CdpResources names) {
        return new CustomerErasure(
                pii.tokenizer(),
                decryptor,
                new CoreStore(clients.dynamoDb(), names),
                Clock.systemUTC(),
                new KinesisErasureEvents(clients.kinesis(), names, new EventCodec()));
    }

    @Bean
    @Lazy
    ContactLookup contactLookup(PiiProtection pii, PiiDecryptor decryptor, AwsClients clients, CdpResources names) {
        return new ContactLookup(new CoreStore(clients.dynamoDb(), names), pii.tokenizer(), decryptor);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    ExtractionRunner extractionRunner(AwsClients clients, CdpResources names, PiiProtection pii) {
        try {
            return ExtractionRunner.fromAws(clients, names, pii, Files.createTempDirectory("core-banking-lake"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
