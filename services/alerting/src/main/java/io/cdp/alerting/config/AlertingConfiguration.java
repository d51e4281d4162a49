package io.cdp.alerting.config;

import io.cdp.alerting.answers.AnswerService;
import io.cdp.alerting.answers.FeedbackPublisher;
import io.cdp.alerting.compose.BedrockComposer;
import io.cdp.alerting.compose.Composer;
import io.cdp.alerting.compose.GuardrailInterventionException;
import io.cdp.alerting.compose.MessageValidator;
import io.cdp.alerting.compose.ResilientComposer;
import io.cdp.alerting.compose.TemplateComposer;
import io.cdp.alerting.context.ContactDirectory;
import io.cdp.alerting.context.CoreBankingContactDirectory;
import io.cdp.alerting.context.ProfileClient;
import io.cdp.alerting.delivery.Delivery;
import io.cdp.alerting.delivery.DispatchEvents;
import io.cdp.alerting.record.AlertStore;
import io.cdp.alerting.request.AlertProcessor;
import io.cdp.aws.AwsClients;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.security.ScopeRule;
import io.cdp.service.tokens.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

@Configuration(proxyBeanMethods = false)
class AlertingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertingConfiguration.class);

    static final String RESPOND = "alerts:respond";
    static final String READ = "alerts:read";

    @Bean
    @Order(1)
    ScopeRule alertResponse() {
        return ScopeRule.of("POST", "/v1/alerts/*/response", RESPOND);
    }

    @Bean
    @Order(2)
    ScopeRule alertRead() {
        return ScopeRule.of("GET", "/v1/alerts/*", READ);
    }

    @Bean
    @Order(3)
    ScopeRule campaigns() {
        return ScopeRule.of("POST", "/v1/campaigns", "campaigns:write");
    }

    @Bean
    io.cdp.alerting.campaign.CampaignService campaignService(
            ProfileClient profiles,
            ContactDirectory contacts,
            MessageValidator validator,
            Delivery delivery,
            AlertingProperties props,
            Clock clock) {
        return new io.cdp.alerting.campaign.CampaignService(
                profiles,
                contacts,
                new io.cdp.alerting.campaign.CampaignComposer(props.bank().name()),
                validator,
                delivery,
                props.campaignRatePerSecond(),
                clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    AlertingQueues alertingQueues(CdpResources names) {
        return new AlertingQueues(names);
    }

    /** Compositions and Bedrock calls: one virtual thread each, so a slow model holds no platform thread. */
    @Bean(destroyMethod = "close")
    ExecutorService compositionExecutor() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("compose-", 0).factory());
    }

    /** Spring Cloud AWS's listener container takes this client: emulator endpoint locally, AWS's otherwise. */
    @Bean(destroyMethod = "close")
    SqsAsyncClient sqsAsyncClient(AwsClients clients) {
        return clients.configure(SqsAsyncClient.builder(), "sqs").build();
    }

    @Bean(destroyMethod = "close")
    SesV2Client sesV2Client(AwsClients clients) {
        return clients.configure(
                        SesV2Client.builder()
                                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(128)),
                        "sesv2")
                .build();
    }

    @Bean
    KinesisPublisher feedbackStream(KinesisClient kinesis, CdpResources names) {
        return new KinesisPublisher(kinesis, names.stream(CdpResources.Stream.FEEDBACK));
    }

    @Bean
    AlertStore alertStore(DynamoDbClient dynamo, CdpResources names, AlertingProperties props, Clock clock) {
        return new AlertStore(
                dynamo, names.table(CdpResources.Table.ALERTS), props.recordLease(), props.retention(), clock);
    }

    @Bean
    RestClient.Builder serviceRestClients(AlertingProperties props) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(props.httpTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(props.httpTimeout());
        return RestClient.builder().requestFactory(factory);
    }

    @Bean
    ProfileClient profileClient(RestClient.Builder http, AlertingProperties props, ServiceTokens tokens) {
        return new ProfileClient(
                http.clone().baseUrl(props.customer360().toString()).build(), tokens);
    }

    @Bean
    ContactDirectory contactDirectory(RestClient.Builder http, AlertingProperties props, ServiceTokens tokens) {
        return new CoreBankingContactDirectory(
                http.clone().baseUrl(props.coreBanking().toString()).build(), tokens);
    }

    @Bean
    MessageValidator messageValidator(AlertingProperties props) {
        Set<String> emails = new HashSet<>(props.bank().emails());
        emails.add(props.bank().sender());
        return new MessageValidator(
                Set.copyOf(props.bank().domains()),
                emails,
                Set.copyOf(props.bank().phones()));
    }

    @Bean
    TemplateComposer templateComposer(AlertingProperties props) {
        return new TemplateComposer(props.bank().name());
    }

    /** Only when the composer is bedrock: the template composer needs no AWS at all. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            prefix = "cdp.alerting",
            name = "composer",
            havingValue = "bedrock")
    BedrockRuntimeClient bedrockRuntimeClient(AwsClients clients, AlertingProperties props) {
        var builder = BedrockRuntimeClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(256))
                .region(clients.settings().region())
                .credentialsProvider(clients.settings().credentials())
                // resilience is ours (retry with backoff, circuit breaker): one SDK attempt per call
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)));
        if (props.bedrock().endpoint() != null
                && !props.bedrock().endpoint().toString().isBlank()) {
            builder.endpointOverride(props.bedrock().endpoint());
        }
        return builder.build();
    }

    @Bean
    Composer composer(
            AlertingProperties props,
            TemplateComposer template,
            MessageValidator validator,
            ObjectProvider<BedrockRuntimeClient> bedrock,
            ExecutorService compositionExecutor) {
        Composer model = null;
        BedrockRuntimeClient client = bedrock.getIfAvailable();
        if ("bedrock".equals(props.composer()) && client != null) {
            var b = props.bedrock();
            model = new BedrockComposer(
                    client,
                    new BedrockComposer.Settings(
                            b.modelId(),
                            b.temperature(),
                            b.maxTokens(),
                            b.guardrailId(),
                            b.guardrailVersion(),
                            props.bank().name()));
        } else if (!TemplateComposer.NAME.equals(props.composer())) {
            throw new IllegalStateException(
                    "cdp.alerting.composer must be template or bedrock, was " + props.composer());
        }
        log.info(
                "alert composer: {}",
                model == null ? "templates" : "bedrock " + props.bedrock().modelId());
        var b = props.bedrock();
        Retry retry = Retry.of(
                "bedrock",
                RetryConfig.custom()
                        .maxAttempts(Math.max(1, b.maxAttempts()))
                        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(b.backoff(), 2.0, 0.5))
                        .ignoreExceptions(GuardrailInterventionException.class, CallNotPermittedException.class)
                        .build());
        CircuitBreaker breaker = CircuitBreaker.of(
                "bedrock",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(b.failureRate())
                        .slowCallDurationThreshold(b.attemptTimeout())
                        .slidingWindowSize(50)
                        .minimumNumberOfCalls(20)
                        .waitDurationInOpenState(b.openFor())
                        .ignoreExceptions(GuardrailInterventionException.class)
                        .build());
        return new ResilientComposer(
                model, template, validator, retry, breaker, b.attemptTimeout(), compositionExecutor);
    }

    @Bean
    Delivery delivery(SesV2Client ses, SnsClient sns, AlertingProperties props) {
        return new Delivery(ses, sns, props.bank().sender(), props.bank().smsSenderId());
    }

    @Bean
    AlertProcessor alertProcessor(
            AlertStore store,
            ProfileClient profiles,
            ContactDirectory contacts,
            Composer composer,
            Delivery delivery,
            DispatchEvents dispatchEvents,
            ExecutorService compositionExecutor,
            Clock clock,
            MeterRegistry meters) {
        return new AlertProcessor(
                store, profiles, contacts, composer, delivery, dispatchEvents, compositionExecutor, clock, meters);
    }

    @Bean
    DispatchEvents dispatchEvents(KinesisPublisher feedbackStream, EventCodec codec) {
        return new DispatchEvents(feedbackStream, codec);
    }

    @Bean
    FeedbackPublisher feedbackPublisher(KinesisPublisher feedbackStream, EventCodec codec) {
        return new FeedbackPublisher(feedbackStream, codec);
    }

    @Bean
    AnswerService answerService(AlertStore store, FeedbackPublisher feedback, Clock clock) {
        return new AnswerService(store, feedback, clock);
    }

    /**
     * Locally (resource bootstrap on): SES wants a verified sender before it sends, and the inbound SMS topic feeds the
     * replies queue. In AWS both come from deploy/cdk.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            prefix = "cdp.aws",
            name = "bootstrap",
            havingValue = "true")
    ApplicationRunner localMessagingSetup(
            SesV2Client ses,
            SnsClient sns,
            software.amazon.awssdk.services.sqs.SqsClient sqs,
            CdpResources names,
            AlertingProperties props) {
        return args -> LocalMessaging.setUp(ses, sns, sqs, names, props.bank().sender());
    }
}
