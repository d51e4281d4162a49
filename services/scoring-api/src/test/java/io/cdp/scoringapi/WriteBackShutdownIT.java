package io.cdp.scoringapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreDynamo;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.scoringapi.features.CardStateWriteBack;
import io.cdp.service.security.DevTokens;
import io.cdp.training.synthetic.SyntheticModels;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Write-back mode ({@code update-on-score}): requests answer before their card states are stored, so the proof that
 * nothing is lost is the store after the service stops. Cards are scored from many threads, the service is closed
 * the moment the last answer arrives (a graceful shutdown, as SIGTERM gives), and then every card's item in the
 * emulator must hold every transaction the API accepted, ending with the last one.
 */
@AwsEmulatorTest
class WriteBackShutdownIT {

    private static final String SECRET = DevTokens.randomSecret();
    private static final SecretKey KEY = DevTokens.key(SECRET);
    private static final int CARDS = 40;
    private static final int PER_CARD = 12;

    private static CdpResources names;
    private static AwsClients clients;

    @BeforeAll
    static void liveModel(CdpResources resources, AwsClients awsClients) {
        names = resources;
        clients = awsClients;
        SyntheticModels.publishLiveFixture(clients.s3(), clients.dynamoDb(), names);
    }

    @Test
    void everyAcceptedTransactionIsInTheStoreAfterAGracefulShutdown() throws Exception {
        // command-line arguments: they outrank application.yml, as the environment does in a deployment
        ConfigurableApplicationContext service = new SpringApplicationBuilder(ScoringApiApplication.class)
                .run(
                        "--server.port=0",
                        // development tokens are accepted only under the local profile
                        "--spring.profiles.active=local",
                        "--cdp.aws.endpoint=" + AwsEmulator.shared().endpoint(),
                        "--cdp.aws.namespace=" + names.namespace(),
                        "--cdp.security.dev-secret=" + SECRET,
                        "--scoring.features.update-on-score=true",
                        // one writer: the requests outrun it, so the shutdown finds transactions still unstored
                        "--scoring.features.write-back-threads=1",
                        // the emulator shares the machine with the build: not the production read budget
                        "--scoring.features.read-timeout=3s",
                        "--logging.structured.format.console=");
        int unsavedAtShutdown;
        List<String> cards = new ArrayList<>();
        AtomicInteger accepted = new AtomicInteger();
        try {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            ApiClient api = new ApiClient(port);
            String token = DevTokens.mint(KEY, "write-back-it", List.of("fraud:score"), Duration.ofMinutes(10));
            SplittableRandom random = new SplittableRandom(23);
            for (int c = 0; c < CARDS; c++) {
                cards.add(SyntheticCardHistory.cardToken(random));
            }
            Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.DAYS);
            ExecutorService clientsPool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CARDS; c++) {
                    String card = cards.get(c);
                    done.add(clientsPool.submit(() -> {
                        // a card's transactions in time order, as an authorization system sends them
                        for (int i = 0; i < PER_CARD; i++) {
                            var answer = api.post("/v1/fraud-scores", token, purchase(card, i, start));
                            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                            accepted.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                clientsPool.shutdown();
            }
            unsavedAtShutdown = service.getBean(CardStateWriteBack.class).unsaved();
        } finally {
            service.close();
        }

        assertThat(accepted).hasValue(CARDS * PER_CARD);
        String table = names.table(CdpResources.Table.FEATURES);
        for (String card : cards) {
            Map<String, AttributeValue> item = clients.dynamoDb()
                    .getItem(b -> b.tableName(table)
                            .consistentRead(true)
                            .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                    .item();
            CardOnlineState state = FeatureStoreDynamo.cardState(item).orElseThrow();
            assertThat(state.countLastWeek())
                    .as("transactions stored for %s", card)
                    .isEqualTo(PER_CARD);
            assertThat(item.get(FeatureStoreItem.LAST_TX_ID).s()).isEqualTo(txId(card, PER_CARD - 1));
        }
        // not an assertion (timing), but the figure that says the drain was exercised
        System.out.printf("write-back: %d transactions were unstored when the shutdown began%n", unsavedAtShutdown);
    }

    private static String txId(String card, int i) {
        return "wb-" + card.substring(card.length() - 8) + "-" + i;
    }

    private static String purchase(String card, int i, Instant start) {
        return """
                {"transactionId": "%s", "cardToken": "%s", "amount": %d.50, "currency": "EUR",
                 "merchantId": "m-wb-%d", "merchantState": "CA", "merchantZip": "94105", "mcc": 5411,
                 "channel": "CHIP", "transactionTime": "%s"}""".formatted(txId(card, i), card, 10 + i, i % 4, start.plus(3L * i, ChronoUnit.HOURS));
    }
}
