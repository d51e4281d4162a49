package io.cdp.pii.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void cardKeepsOnlyLastFour() {
        assertThat(Masking.cardLast4("4344 6765 1195 0444").value()).isEqualTo("****0444");
        assertThat(Masking.cardLast4("12").value()).isEqualTo("unknown");
    }

    @Test
    void nameBecomesInitialsWithAccentsFolded() {
        assertThat(Masking.initials("Hazel Robinson").value()).isEqualTo("H.R.");
        assertThat(Masking.initials("Élodie Marie-Anne Dupont Smith").value()).isEqualTo("E.M.A.");
        assertThat(Masking.initials("  ").value()).isEqualTo("unknown");
    }

    @Test
    void zipBecomesZip3AndLostLeadingZerosComeBack() {
        assertThat(Masking.zip3("91750").value()).isEqualTo("917**");
        assertThat(Masking.zip3("91750.0").value()).isEqualTo("917**");
        assertThat(Masking.zip3("2134").value()).isEqualTo("021**");
        assertThat(Masking.zip3("").value()).isEqualTo("unknown");
        assertThat(Masking.zip3("SW1A").value()).isEqualTo("unknown");
    }

    @Test
    void agesIncomesAndScoresFallIntoBands() {
        assertThat(Masking.ageBand(17).value()).isEqualTo("<18");
        assertThat(Masking.ageBand(53).value()).isEqualTo("45-54");
        assertThat(Masking.ageBand(80).value()).isEqualTo("65+");
        assertThat(Masking.incomeBand(new BigDecimal("19999")).value()).isEqualTo("<20000");
        assertThat(Masking.incomeBand(new BigDecimal("59696")).value()).isEqualTo("40000-59999");
        assertThat(Masking.incomeBand(new BigDecimal("250000")).value()).isEqualTo("150000+");
        assertThat(Masking.ficoBand(787).value()).isEqualTo("740-799");
        assertThat(Masking.ficoBand(550).value()).isEqualTo("<580");
        assertThat(Masking.ficoBand(900).value()).isEqualTo("unknown");
    }
}
