package io.cdp.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.core.extraction.ExtractionOptions;
import io.cdp.core.extraction.ExtractionRunner;
import io.cdp.core.extraction.ExtractionStatus;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.core.store.CoreStore;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.audit.DynamoDbAuditLog;
import io.cdp.service.security.DevTokens;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contact endpoint against the emulator: generated customers loaded and extracted (which indexes the tokens it
 * hands out), then looked up by token as alerting does. Real values for the right card, one audit record per call
 * whatever the answer (never a value in it), 404/410/422/400 and the scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ContactIT {

    private static final String SECRET = DevTokens.randomSecret();
    private static final SecretKey KEY = DevTokens.key(SECRET);
    private static final CdpResources NAMES = CdpResources.forTest("ContactIT");
    private static boolean loaded;

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("cdp.aws.endpoint", () -> AwsEmulator.shared().endpoint().toString());
        registry.add("cdp.aws.namespace", NAMES::namespace);
        registry.add("cdp.aws.bootstrap", () -> "true");
        registry.add("cdp.security.dev-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    AwsClients clients;

    @Autowired
    PiiProtection pii;

    @Autowired
    ExtractionRunner extraction;

    private final HttpClient http = HttpClient.newHttpClient();
    private CoreStore store;
    private DynamoDbAuditLog audit;

    @BeforeEach
    void loadAndExtractOnce() throws Exception {
        store = new CoreStore(clients.dynamoDb(), NAMES);
        audit = new DynamoDbAuditLog(clients.dynamoDb(), NAMES.table(CdpResources.Table.AUDIT));
        synchronized (ContactIT.class) {
            if (loaded) {
                return;
            }
            Path dir = Files.createTempDirectory("contact-it");
            new TabFormerGenerator(new TabFormerGenerator.Options(6, 11, LocalDate.of(2019, 1, 1), 3)).write(dir);
            try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                    DynamoDbLoadSink sink = new DynamoDbLoadSink(clients.dynamoDb(), NAMES, 2)) {
                new TabFormerLoader(sink, rejects, new PrintStream(PrintStream.nullOutputStream()))
                        .load(TabFormerLoader.Files3.find(dir));
            }
            ExtractionStatus status = extraction.runNow(new ExtractionOptions(0.1, 0, false, false));
            assertThat(status.state()).as(status.error()).isEqualTo(ExtractionStatus.State.COMPLETED);
            loaded = true;
        }
    }

    @Test
    void theRightCardGivesTheRealValuesOnceAuditedAndEveryRefusalIsAuditedToo() throws Exception {
        Customer customer = store.customer("0").orElseThrow();
        Card card = store.cardsOf("0").getFirst();
        Card othersCard = store.cardsOf("1").getFirst();
        String token = pii.tokenizer().customer("0").value();
        String cardToken = pii.tokenizer().card(card.cardNumber()).value();
        int before = audit.history(token).size();

        HttpResponse<String> ok =
                post(body(token, cardToken, "alert-0001", "FRAUD_ALERT_DELIVERY"), token("pii:decrypt"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String last4 = card.cardNumber().substring(card.cardNumber().length() - 4);
        assertThat(ok.body())
                .contains("\"firstName\":\"" + customer.name().split(" ")[0] + "\"")
                .contains("\"email\":\"" + customer.email() + "\"")
                .contains("\"phone\":\"" + customer.phone() + "\"")
                .contains("\"cardLast4\":\"" + last4 + "\"")
                .doesNotContain(customer.name().split(" ")[1])
                .doesNotContain(card.cardNumber());
        assertThat(customer.phone()).matches("^\\+1[2-9][0-9]{2}55501[0-9]{2}$");
        assertThat(audit.history(token)).hasSize(before + 1);

        // a campaign asks without a card: no last four
        HttpResponse<String> noCard = post(body(token, null, "campaign-7", "CUSTOMER_CONTACT"), token("pii:decrypt"));
        assertThat(noCard.statusCode()).isEqualTo(200);
        assertThat(noCard.body()).contains("\"cardLast4\":null");

        // another customer's card
        HttpResponse<String> wrongCard = post(
                body(
                        token,
                        pii.tokenizer().card(othersCard.cardNumber()).value(),
                        "alert-0002",
                        "FRAUD_ALERT_DELIVERY"),
                token("pii:decrypt"));
        assertThat(wrongCard.statusCode()).isEqualTo(422);
        assertThat(wrongCard.body()).contains("card-not-of-customer").doesNotContain(customer.email());

        // a purpose that does not write to the customer, and a malformed reference
        HttpResponse<String> investigation =
                post(body(token, cardToken, "case 9", "FRAUD_INVESTIGATION"), token("pii:decrypt"));
        assertThat(investigation.statusCode()).isEqualTo(400);
        assertThat(investigation.body())
                .contains("\"field\":\"purpose\"")
                .contains("\"field\":\"reference\"")
                .doesNotContain(customer.email());

        // the scope: none, or the wrong one, and nothing is answered (nor audited: the request never got in)
        assertThat(post(body(token, cardToken, "alert-0003", "FRAUD_ALERT_DELIVERY"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(body(token, cardToken, "alert-0003", "FRAUD_ALERT_DELIVERY"), token("extraction"))
                        .statusCode())
                .isEqualTo(403);

        List<Map<String, AttributeValue>> trail = audit.history(token);
        assertThat(trail).hasSize(before + 4);
        assertThat(trail.subList(before, trail.size()))
                .extracting(r -> String.join(
                        "|",
                        r.get("action").s(),
                        r.get("outcome").s(),
                        r.get("purpose").s(),
                        r.get("recordId").s(),
                        r.get("field").s(),
                        r.get("onBehalfOf").s()))
                .containsExactlyInAnyOrder(
                        "pii.disclose|ok|FRAUD_ALERT_DELIVERY|alert-0001|firstName,email,phone,cardLast4|tester",
                        "pii.disclose|ok|CUSTOMER_CONTACT|campaign-7|firstName,email,phone|tester",
                        "pii.disclose|refused|FRAUD_ALERT_DELIVERY|alert-0002|firstName,email,phone,cardLast4|tester",
                        "pii.disclose|refused|FRAUD_INVESTIGATION|-|firstName,email,phone,cardLast4|tester");
        assertThat(trail.toString())
                .doesNotContain(customer.email())
                .doesNotContain(customer.phone())
                .doesNotContain(customer.name().split(" ")[0])
                .doesNotContain(last4);
    }

    @Test
    void unknownTokensAnswer404AndAnErasedCustomer410BothAudited() throws Exception {
        String unknown = pii.tokenizer().customer("no-such-customer").value();
        HttpResponse<String> notFound =
                post(body(unknown, null, "alert-0100", "CUSTOMER_CONTACT"), token("pii:decrypt"));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(audit.history(unknown)).extracting(r -> r.get("outcome").s()).containsExactly("refused");
        assertThat(post(body("cus_not-a-token", null, "alert-0101", "CUSTOMER_CONTACT"), token("pii:decrypt"))
                        .statusCode())
                .isEqualTo(400);

        Customer customer = store.customer("2").orElseThrow();
        String token = pii.tokenizer().customer("2").value();
        String cardToken =
                pii.tokenizer().card(store.cardsOf("2").getFirst().cardNumber()).value();
        assertThat(post(body(token, cardToken, "alert-0102", "FRAUD_ALERT_DELIVERY"), token("pii:decrypt"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> erase = http.send(
                HttpRequest.newBuilder(uri("/api/customers/2/pii?purpose=ERASURE_REQUEST"))
                        .header("Authorization", "Bearer " + token("pii:erase"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erase.statusCode()).isEqualTo(204);
        HttpResponse<String> gone =
                post(body(token, cardToken, "alert-0103", "FRAUD_ALERT_DELIVERY"), token("pii:decrypt"));
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).doesNotContain(customer.email()).doesNotContain(customer.phone());
        assertThat(audit.history(token))
                .filteredOn(r -> r.get("action").s().equals("pii.disclose"))
                .extracting(r -> r.get("recordId").s() + ":" + r.get("outcome").s())
                .containsExactly("alert-0102:ok", "alert-0103:shredded");
    }

    @Test
    void theOpenApiDocumentHasTheContactEndpoint() throws Exception {
        HttpResponse<String> docs = http.send(
                HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.body()).contains("/api/pii/contact").contains("cardLast4");
    }

    private static String body(String customer, String card, String reference, String purpose) {
        return "{\"customerToken\":\"" + customer + "\","
                + (card == null ? "" : "\"cardToken\":\"" + card + "\",")
                + "\"reference\":\"" + reference + "\",\"purpose\":\"" + purpose + "\"}";
    }

    private String token(String scope) {
        return DevTokens.mint(KEY, "tester", List.of(scope), Duration.ofMinutes(5));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/pii/contact"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
