package io.cdp.service.aws;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code cdp.aws.*}: where AWS is and which resource namespace this deployment uses.
 *
 * @param endpoint  an emulator endpoint; unset means real AWS (then {@code AWS_ENDPOINT_URL} still wins,
 *                  as it does for every AWS SDK)
 * @param region    region override; unset means the SDK's chain (or us-east-1 against an emulator)
 * @param namespace prefix of every resource name (see {@code CdpResources}); empty in production
 * @param bootstrap create every registry resource at startup; for the local profile and tests only
 */
@ConfigurationProperties("cdp.aws")
public record CdpAwsProperties(@Nullable URI endpoint, @Nullable String region, @Nullable String namespace,
                               boolean bootstrap) {
}
