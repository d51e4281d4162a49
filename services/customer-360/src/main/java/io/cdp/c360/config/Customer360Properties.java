package io.cdp.c360.config;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cdp.c360.*}.
 *
 * @param coreBankingUrl  where core-banking's audited decrypt API is ({@code POST /api/pii/decrypt})
 * @param modelRefresh    how often the LIVE segment and CLV versions are looked up
 * @param eventRetention  how long applied event ids are kept: the horizon of duplicate recognition
 * @param recordAttempts  attempts of one record before it is quarantined
 * @param retryBackoff    first wait between attempts (doubled each time)
 * @param ingestThreads   customers applied in parallel within one batch
 * @param unmaskTimeout   how long unmask waits for core-banking
 * @param readCacheTtl    a profile read from memory is reloaded in the background on its next read once older than
 *                        this (0: no cache); this instance's own changes drop the entry at once, so this bounds how
 *                        long another instance's change stays unseen by a customer read steadily
 * @param readCacheMaxStale a cached profile older than this is never served (how long another instance's change can
 *                        stay unseen at worst); longer than {@code readCacheTtl}
 * @param kclFailover     KCL mode only: a lease not renewed for this long is taken over (KCL's 10 s by default)
 */
@ConfigurationProperties("cdp.c360")
public record Customer360Properties(
        @Nullable URI coreBankingUrl,
        @Nullable Duration modelRefresh,
        @Nullable Duration eventRetention,
        @Nullable Integer recordAttempts,
        @Nullable Duration retryBackoff,
        @Nullable Integer ingestThreads,
        @Nullable Duration unmaskTimeout,
        @Nullable Duration readCacheTtl,
        @Nullable Duration readCacheMaxStale,
        @Nullable Duration kclFailover) {

    public Customer360Properties {
        coreBankingUrl = coreBankingUrl != null ? coreBankingUrl : URI.create("http://127.0.0.1:8081");
        modelRefresh = modelRefresh != null ? modelRefresh : Duration.ofMinutes(1);
        eventRetention = eventRetention != null ? eventRetention : Duration.ofDays(8);
        recordAttempts = recordAttempts != null ? recordAttempts : 5;
        retryBackoff = retryBackoff != null ? retryBackoff : Duration.ofMillis(100);
        ingestThreads = ingestThreads != null ? ingestThreads : 16;
        unmaskTimeout = unmaskTimeout != null ? unmaskTimeout : Duration.ofSeconds(5);
        readCacheTtl = readCacheTtl != null ? readCacheTtl : Duration.ofSeconds(10);
        readCacheMaxStale = readCacheMaxStale != null ? readCacheMaxStale : readCacheTtl.multipliedBy(6);
        kclFailover = kclFailover != null ? kclFailover : Duration.ofSeconds(10);
    }
}
