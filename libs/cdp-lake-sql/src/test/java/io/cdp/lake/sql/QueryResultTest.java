package io.cdp.lake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTest {

    @Test
    void formatsAlignedColumnsNumbersRightNullsNamed() {
        QueryResult result = new QueryResult(
                List.of("segment", "customers"), List.of(List.of("SAVERS", 1200L), Arrays.asList(null, 7L)));

        assertThat(result.format()).isEqualTo("""
                        segment  customers
                        -------  ---------
                        SAVERS        1200
                        NULL             7
                        (2 rows)
                        """);
    }

    @Test
    void getsByColumnNameAndRefusesAnUnknownOne() {
        QueryResult result = new QueryResult(List.of("a", "b"), List.of(List.of(1, 2)));

        assertThat(result.get(0, "b")).isEqualTo(2);
        assertThatThrownBy(() -> result.get(0, "c")).hasMessageContaining("no column c");
    }

    @Test
    void everyNamedQueryHasAUniqueName() {
        assertThat(NamedQueries.ALL.stream().map(NamedQueries.NamedQuery::name).distinct())
                .hasSize(NamedQueries.ALL.size());
        assertThat(NamedQueries.byName("fraud-by-day")).contains(NamedQueries.FRAUD_BY_DAY);
    }
}
