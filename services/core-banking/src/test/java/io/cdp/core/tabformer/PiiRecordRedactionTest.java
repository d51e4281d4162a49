package io.cdp.core.tabformer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.events.payload.Channel;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core records hold plaintext PII; printing one (a log line, an exception, a debugger dump) must not show it. */
class PiiRecordRedactionTest {

    @Test
    void customerPrintsNoneOfItsFields() {
        var customer = new Customer(
                "cust-8842",
                "Hazel Example",
                41,
                67,
                1985,
                7,
                "Female",
                "12 Example Lane",
                "4",
                "La Verne",
                "CA",
                "91750",
                new BigDecimal("34.15"),
                new BigDecimal("-117.76"),
                new BigDecimal("29278"),
                new BigDecimal("59696"),
                new BigDecimal("127613"),
                787,
                5,
                "hazel@example.com",
                "+14155550142");
        assertThat(customer.toString())
                .doesNotContain("cust-8842")
                .doesNotContain("Hazel")
                .doesNotContain("Example Lane")
                .doesNotContain("La Verne")
                .doesNotContain("91750")
                .doesNotContain("1985")
                .doesNotContain("59696")
                .doesNotContain("hazel@example.com");
    }

    @Test
    void cardPrintsNeitherNumberNorCvvNorExpiry() {
        var card = new Card(
                "cust-8842",
                1,
                "Visa",
                "Debit",
                "4344676511950444",
                YearMonth.of(2031, 9),
                "623",
                true,
                2,
                new BigDecimal("24295"),
                YearMonth.of(2015, 4),
                2019,
                false);
        assertThat(card.toString())
                .contains("Visa")
                .doesNotContain("4344676511950444")
                .doesNotContain("0444")
                .doesNotContain("623")
                .doesNotContain("2031")
                .doesNotContain("cust-8842");
    }

    @Test
    void transactionPrintsNoCustomer() {
        var tx = new Transaction(
                "cust-8842",
                1,
                LocalDateTime.of(2019, 3, 4, 10, 15),
                0,
                new BigDecimal("134.09"),
                Channel.CHIP,
                "-4282466774399734331",
                "La Verne",
                "CA",
                "91750",
                5411,
                List.of(),
                false);
        assertThat(tx.toString()).contains("134.09").doesNotContain("cust-8842");
    }
}
