package io.cdp.core.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.cdp.core.store.CoreStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import java.lang.reflect.Proxy;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An extraction that fails on an exception whose message quotes personal data (as a parser or an SDK may) must show
 * neither in its status, which the API serves, nor in the service log.
 */
class ExtractionFailureRedactionTest {

    private static final String LEAKY = "cannot read card 4344676511950444 of Hazel Example, 12 Example Lane";

    @Test
    void failedStatusAndLogCarryClassesButNotTheMessage() {
        DynamoDbClient failing = (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("serviceName")) {
                        return "dynamodb";
                    }
                    throw new IllegalStateException("wrapped", new NumberFormatException(LEAKY));
                });
        Extraction extraction = new Extraction(
                "ext-test",
                new ExtractionOptions(0.05, 0, false, false),
                new CoreStore(failing, CdpResources.DEFAULT),
                null,
                new EventCodec(),
                null,
                null,
                null,
                Clock.systemUTC());

        Logger logger = (Logger) LoggerFactory.getLogger(Extraction.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            extraction.run();
        } finally {
            logger.detachAppender(appender);
        }

        ExtractionStatus status = extraction.status();
        assertThat(status.state()).isEqualTo(ExtractionStatus.State.FAILED);
        assertThat(status.error())
                .contains("IllegalStateException <- NumberFormatException")
                .doesNotContain("4344676511950444")
                .doesNotContain("Hazel");
        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            logged.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                logged.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(logged.toString())
                .contains("extraction ext-test failed")
                .contains("NumberFormatException")
                .doesNotContain("4344676511950444")
                .doesNotContain("Hazel")
                .doesNotContain("Example Lane");
    }
}
