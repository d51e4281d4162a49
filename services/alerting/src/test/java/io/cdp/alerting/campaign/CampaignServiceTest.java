package io.cdp.alerting.campaign;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cdp.alerting.compose.MessageChannel;
import io.cdp.alerting.compose.MessageValidator;
import io.cdp.alerting.context.Contact;
import io.cdp.alerting.context.ContactDirectory;
import io.cdp.alerting.context.ProfileClient;
import io.cdp.alerting.delivery.Delivery;
import io.cdp.alerting.support.TestAlerts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * Campaigns over customer-360's segment pages (WireMock answering the contract): consent per channel, 7-day
 * suppression after a fraud alert, dry-run previews without contact lookups, the rate limit, and a brief that fails
 * the message checks refused before anything is sent.
 */
class CampaignServiceTest {

    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    WireMockServer c360;
    final List<String> sent = new ArrayList<>();
    final List<String> lookups = new ArrayList<>();

    /** Records hand-offs instead of calling AWS (the delivery edge is covered by the emulator ITs). */
    final Delivery delivery = new Delivery(null, null, "alerts@bank.example", "CDPBank") {
        @Override
        public String email(String to, String subject, String body) {
            sent.add(to + "|" + body);
            return "m-" + sent.size();
        }

        @Override
        public String sms(String phone, String body) {
            sent.add(phone + "|" + body);
            return "m-" + sent.size();
        }
    };

    final ContactDirectory contacts = new ContactDirectory() {
        @Override
        public Contact lookup(String customerToken, String cardToken, String alertId) {
            throw new AssertionError("campaigns never ask for card details");
        }

        @Override
        public Contact lookupForCampaign(String customerToken, String campaignId) {
            lookups.add(customerToken);
            return new Contact(
                    "Name" + lookups.size(), "c" + lookups.size() + "@mail.example.org", "+15550177", "0000");
        }
    };

    @BeforeEach
    void start() {
        c360 = new WireMockServer(options().dynamicPort());
        c360.start();
    }

    @AfterEach
    void stop() {
        c360.stop();
    }

    static String profile(String token, boolean marketingEmail, String lastFraudAlertAt) {
        return """
                {"customerToken":"%s","segment":{"name":"Champions"},"preferredLanguage":"en",
                 "consents":{"fraudAlertsEmail":{"granted":true},"fraudAlertsSms":{"granted":true},
                             "marketingEmail":{"granted":%s},"marketingSms":{"granted":false}},
                 "lastFraudAlertAt":%s}""".formatted(token, marketingEmail, lastFraudAlertAt == null ? "null" : "\"" + lastFraudAlertAt + "\"");
    }

    CampaignService service(double rate) {
        ProfileClient profiles =
                new ProfileClient(RestClient.builder().baseUrl(c360.baseUrl()).build(), () -> "t");
        return new CampaignService(
                profiles,
                contacts,
                new CampaignComposer("CDP Bank"),
                new MessageValidator(
                        java.util.Set.of("bank.example"), java.util.Set.of("alerts@bank.example"), java.util.Set.of()),
                delivery,
                rate,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Two pages: consented, not consented, alerted 2 days ago (suppressed), alerted 8 days ago, consented. */
    List<String> segmentPages() {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < 5; i++) t.add(TestAlerts.token("cus").value());
        c360.stubFor(get(urlPathEqualTo("/v1/customers"))
                .withQueryParam("segment", equalTo("Champions"))
                .withQueryParam("cursor", absent())
                .willReturn(okJson("{\"items\":[" + profile(t.get(0), true, null) + "," + profile(t.get(1), false, null)
                        + "," + profile(t.get(2), true, "2026-12-03T12:00:00Z") + "],\"nextCursor\":\"p2\"}")));
        c360.stubFor(get(urlPathEqualTo("/v1/customers"))
                .withQueryParam("segment", equalTo("Champions"))
                .withQueryParam("cursor", equalTo("p2"))
                .willReturn(okJson("{\"items\":[" + profile(t.get(3), true, "2026-11-27T11:00:00Z") + ","
                        + profile(t.get(4), true, null) + "],\"nextCursor\":null}")));
        return t;
    }

    @Test
    void aDryRunPreviewsTheEligibleCustomersWithoutContactDetailsOrSending() {
        List<String> tokens = segmentPages();
        CampaignService.Result r = service(100)
                .run(new CampaignService.Request(
                        "Champions", "Enjoy 2% cashback on travel this winter.", MessageChannel.EMAIL, true, 100));
        assertThat(r.considered()).isEqualTo(5);
        assertThat(r.noConsent()).isEqualTo(1);
        assertThat(r.suppressedAfterFraudAlert()).isEqualTo(1);
        assertThat(r.eligible()).isEqualTo(3);
        assertThat(r.sent()).isZero();
        assertThat(r.previews())
                .extracting(CampaignService.Preview::customerToken)
                .containsExactly(tokens.get(0), tokens.get(3), tokens.get(4));
        assertThat(r.previews().getFirst().body())
                .startsWith("Hi {{FIRST_NAME}},")
                .contains("most valued customers", "2% cashback");
        assertThat(lookups).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void aRealRunSendsToEachEligibleCustomerAtTheRateLimit() {
        segmentPages();
        long start = System.nanoTime();
        CampaignService.Result r = service(5)
                .run(new CampaignService.Request(
                        "Champions", "Enjoy 2% cashback on travel this winter.", MessageChannel.EMAIL, false, 100));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.sent()).isEqualTo(3);
        assertThat(sent).hasSize(3);
        assertThat(sent.getFirst()).startsWith("c1@mail.example.org|Hi Name1,").doesNotContain("{{");
        // 3 messages at 5/s: the second and third wait 200 ms each
        assertThat(seconds).isGreaterThanOrEqualTo(0.35);
    }

    @Test
    void aBriefThatFailsTheChecksIsRefusedBeforeAnythingIsSent() {
        segmentPages();
        for (String brief : List.of(
                "Claim your bonus at https://offers.example.net today!",
                "Reply with your PIN to unlock your reward.",
                "Call +1 212 555 0199 to claim {{BONUS}} now.")) {
            assertThatThrownBy(() -> service(100)
                            .run(new CampaignService.Request("Champions", brief, MessageChannel.EMAIL, false, 100)))
                    .isInstanceOf(CampaignService.BriefRejectedException.class);
        }
        assertThat(sent).isEmpty();
        assertThat(Map.of("lookups", lookups.size())).containsEntry("lookups", 0);
    }
}
