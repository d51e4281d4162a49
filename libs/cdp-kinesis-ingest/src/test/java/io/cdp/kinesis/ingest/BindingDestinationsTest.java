package io.cdp.kinesis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class BindingDestinationsTest {

    static final class Example extends BindingDestinations {
        Example() {
            super("exampleNames", "-ex-kcl-", ordered());
        }

        private static Map<String, Stream> ordered() {
            Map<String, Stream> m = new LinkedHashMap<>();
            m.put("a-in-0", Stream.CORE_CUSTOMERS);
            m.put("b-in-0", Stream.FEEDBACK);
            return m;
        }
    }

    @Test
    void destinationsAndTablesComeFromTheNamespace() {
        assertThat(new Example().properties(CdpResources.fromValue("t9-")))
                .containsExactly(
                        Map.entry("spring.cloud.stream.bindings.a-in-0.destination", "t9-cdp.core.customers"),
                        Map.entry("spring.cloud.stream.bindings.b-in-0.destination", "t9-cdp.feedback"),
                        Map.entry("spring.cloud.stream.kinesis.binder.checkpoint.table", "t9-cdp-binder-checkpoints"),
                        Map.entry("spring.cloud.stream.kinesis.binder.locks.table", "t9-cdp-binder-locks"),
                        Map.entry(
                                "spring.cloud.stream.kinesis.bindings.a-in-0.consumer.lease-table-name",
                                "t9-cdp-binder-checkpoints-ex-kcl-a-in-0"),
                        Map.entry(
                                "spring.cloud.stream.kinesis.bindings.b-in-0.consumer.lease-table-name",
                                "t9-cdp-binder-checkpoints-ex-kcl-b-in-0"));
    }

    @Test
    void anExplicitPropertyStillWins() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("cdp.aws.namespace", "t9-")
                .withProperty("spring.cloud.stream.bindings.a-in-0.destination", "elsewhere");

        new Example().postProcessEnvironment(environment, new org.springframework.boot.SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.bindings.a-in-0.destination"))
                .isEqualTo("elsewhere");
        assertThat(environment.getProperty("spring.cloud.stream.bindings.b-in-0.destination"))
                .isEqualTo("t9-cdp.feedback");
    }
}
