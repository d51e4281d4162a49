package io.cdp.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratedPiiRedactionTest {

    @Test
    void generatedPeopleAndCardsPrintNoPersonalValue() {
        var person = new TabFormerGenerator.Person(
                "Hazel Example",
                41,
                67,
                1985,
                7,
                "Female",
                "12 Example Lane",
                "Apt 4",
                3,
                91750,
                34.1,
                -117.7,
                30_000,
                81_234,
                12_000,
                712,
                3,
                2,
                1.0,
                "+14155550142");
        var card = new TabFormerGenerator.CardSpec(
                "Visa", "Debit", "4000123412341234", 9, 2031, 987, true, 1, 24_000, 4, 2015, 2019, 0.1, 0.6);

        assertThat(person.toString())
                .doesNotContain("Hazel")
                .doesNotContain("Example")
                .doesNotContain("1985")
                .doesNotContain("91750")
                .doesNotContain("81234")
                .doesNotContain("5550142");
        assertThat(card.toString())
                .contains("Visa")
                .doesNotContain("4000123412341234")
                .doesNotContain("1234")
                .doesNotContain("987")
                .doesNotContain("2031");
    }
}
