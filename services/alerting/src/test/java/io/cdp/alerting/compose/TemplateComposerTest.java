package io.cdp.alerting.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.alerting.support.TestAlerts;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TemplateComposerTest {

    private final TemplateComposer composer = new TemplateComposer("CDP Bank");

    @Test
    void aPaymentInACityNamesTheCityAndThePositiveAmount() {
        String sms = compose(MessageChannel.SMS, "Springfield", "734.2", "en");

        assertThat(sms).contains("did you make a USD 734.20 payment at ").contains(" in Springfield on Dec 5");
    }

    /** The demo's first alert read "a USD -22.71 payment at a merchant in ONLINE". */
    @Test
    void anOnlineCreditIsARefundOfItsAmountMadeOnline() {
        String sms = compose(MessageChannel.SMS, "ONLINE", "-22.71", "en");
        String email = compose(MessageChannel.EMAIL, "ONLINE", "-22.71", "en");

        assertThat(sms).contains("did you make a USD 22.71 refund at ").contains(" online on Dec 5");
        assertThat(email).contains("we noticed a USD 22.71 refund at ").contains("whether you made this refund");
        assertThat(sms + email)
                .doesNotContain("-22.71")
                .doesNotContain("ONLINE")
                .doesNotContain("payment at");
    }

    @Test
    void theSpanishTextsSayRefundAndOnlineInSpanish() {
        String sms = compose(MessageChannel.SMS, "online", "-22.71", "es");
        String email = compose(MessageChannel.EMAIL, "Madrid", "10", "es");

        assertThat(sms).contains("¿hizo un reembolso de USD 22.71 en ").contains(" en línea el ");
        assertThat(email).contains("hemos visto un pago de USD 10.00 en ").contains(" en Madrid el ");
    }

    private String compose(MessageChannel channel, String city, String amount, String language) {
        AlertContext c = TestAlerts.context(channel, city);
        return composer.compose(new AlertContext(
                        c.alertId(),
                        c.channel(),
                        new BigDecimal(amount),
                        c.currency(),
                        c.mcc(),
                        c.merchantCity(),
                        c.transactionTime(),
                        c.channelOfPayment(),
                        language,
                        c.segment()))
                .body();
    }
}
