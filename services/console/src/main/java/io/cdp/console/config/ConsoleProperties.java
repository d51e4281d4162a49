package io.cdp.console.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param customer360 customer-360's base URL (profiles, unmask)
 * @param scoringApi the scoring API's base URL (models)
 * @param callTimeout how long a call to another service may take
 * @param feedSize how many scored transactions the feed keeps for a new viewer
 * @param feedPoll how often the feed asks each shard for new records
 * @param lakeRefresh how old the lake snapshot behind the charts may get before it is taken again
 */
@ConfigurationProperties("cdp.console")
public record ConsoleProperties(
        URI customer360, URI scoringApi, Duration callTimeout, int feedSize, Duration feedPoll, Duration lakeRefresh) {}
