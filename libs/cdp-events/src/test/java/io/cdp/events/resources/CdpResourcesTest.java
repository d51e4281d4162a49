package io.cdp.events.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import org.junit.jupiter.api.Test;

class CdpResourcesTest {

    @Test
    void defaultNamesAreTheArchitecturesNames() {
        CdpResources r = CdpResources.DEFAULT;
        assertThat(r.stream(Stream.CORE_TRANSACTIONS)).isEqualTo("cdp.core.transactions");
        assertThat(r.queue(Queue.FRAUD_ALERTS)).isEqualTo("cdp-fraud-alerts");
        assertThat(r.deadLetterQueue(Queue.FRAUD_ALERTS)).isEqualTo("cdp-fraud-alerts-dlq");
        assertThat(r.bucket(CdpResources.Bucket.LAKE)).isEqualTo("cdp-lake");
        assertThat(r.keyAlias(CdpResources.KmsKey.PII)).isEqualTo("alias/cdp-pii");
        assertThat(r.table(CdpResources.Table.TRANSACTIONS)).isEqualTo("transactions");
    }

    @Test
    void testNamespacesAreDistinctAndValidForEveryService() {
        CdpResources a = CdpResources.forTest("KinesisIT");
        CdpResources b = CdpResources.forTest("SqsIT");

        assertThat(a.namespace()).isNotEqualTo(b.namespace()).matches("^[a-z0-9-]+-$");
        assertThat(a.allNames()).doesNotContainAnyElementsOf(b.allNames());
        // S3 bucket rules are the strictest: 3-63 chars, lower case, no underscores
        assertThat(a.bucket(CdpResources.Bucket.MODELS)).matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    }

    @Test
    void namespaceFromValueIsNormalised() {
        assertThat(CdpResources.fromValue("Staging").namespace()).isEqualTo("staging-");
        assertThat(CdpResources.fromValue(" ").namespace()).isEmpty();
        assertThat(CdpResources.fromValue(null)).isEqualTo(CdpResources.DEFAULT);
    }

    @Test
    void refusesNamespacesThatWouldBreakAResourceName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CdpResources("has_underscore-"));
        assertThatIllegalArgumentException().isThrownBy(() -> new CdpResources("no-trailing-hyphen"));
    }

    @Test
    void queueWithoutDeadLetterQueueSaysSo() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CdpResources.DEFAULT.deadLetterQueue(Queue.STREAM_DEAD_LETTERS))
                .withMessageContaining("no dead-letter queue");
    }
}
