package io.cdp.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.audit.DynamoDbAuditLog;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.service.security.DevTokens;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// development tokens are accepted under the local profile only
@ActiveProfiles("local")
class CoreBankingApiIT {

    private static final String SECRET = DevTokens.randomSecret();
    private static final SecretKey KEY = DevTokens.key(SECRET);
    private static final CdpResources NAMES = CdpResources.forTest("CoreBankingApiIT");

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

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void apiDocsArePublicAndEveryApiEndpointNeedsAToken() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("/api/extractions")
                .contains("/api/pii/decrypt")
                .contains("\"openapi\":\"3.1");
        assertThat(get("/api/extractions", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/pii/decrypt", "{}", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void decryptNeedsThePiiScopeIsAuditedAndAnErasedCustomerAnswersGone() throws Exception {
        String customer = pii.tokenizer().customer("api-42").value();
        Ciphertext ct = pii.encryptor().encrypt(customer, new FieldContext("customer", customer, "name"), "Api Tester");
        String body = "{\"ciphertext\":\"" + ct.value() + "\",\"entity\":\"customer\",\"recordId\":\"" + customer
                + "\",\"field\":\"name\",\"purpose\":\"CUSTOMER_CONTACT\"}";
        assertThat(post("/api/pii/decrypt", body, token("extraction")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> ok = post("/api/pii/decrypt", body, token("pii:decrypt"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Api Tester");
        String moved = body.replace("\"field\":\"name\"", "\"field\":\"email\"");
        assertThat(post("/api/pii/decrypt", moved, token("pii:decrypt")).statusCode())
                .isEqualTo(400);

        HttpResponse<String> erase = http.send(
                HttpRequest.newBuilder(uri("/api/customers/api-42/pii?purpose=ERASURE_REQUEST"))
                        .header("Authorization", "Bearer " + token("pii:erase"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erase.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = post("/api/pii/decrypt", body, token("pii:decrypt"));
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).doesNotContain("Api Tester");
    }

    @Test
    void extractionIsStartedAndWatchedOverRest(@TempDir Path dir) throws Exception {
        new TabFormerGenerator(new TabFormerGenerator.Options(4, 8, LocalDate.of(2019, 1, 1), 5)).write(dir);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink sink = new DynamoDbLoadSink(clients.dynamoDb(), NAMES, 2)) {
            new TabFormerLoader(sink, rejects, new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(dir));
        }
        HttpResponse<String> started = post("/api/extractions", "{\"liveShare\":0.1}", token("extraction"));
        assertThat(started.statusCode()).isEqualTo(202);
        String id = started.body().replaceAll(".*\"extractionId\":\"([^\"]+)\".*", "$1");
        String state = "";
        for (int i = 0; i < 120 && !state.contains("COMPLETED") && !state.contains("FAILED"); i++) {
            Thread.sleep(500);
            state = get("/api/extractions/" + id, token("extraction")).body();
        }
        assertThat(state).contains("\"state\":\"COMPLETED\"").contains("raw/_manifests/" + id + ".json");
        assertThat(post("/api/extractions", "{\"liveShare\":2}", token("extraction"))
                        .statusCode())
                .isEqualTo(400);

        // at real-time speed the replay would take days: stop it and watch it end as STOPPED
        HttpResponse<String> slow =
                post("/api/extractions", "{\"liveShare\":0.5,\"speed\":1,\"toLake\":false}", token("extraction"));
        assertThat(slow.statusCode()).isEqualTo(202);
        String slowId = slow.body().replaceAll(".*\"extractionId\":\"([^\"]+)\".*", "$1");
        assertThat(post("/api/extractions", "{}", token("extraction")).statusCode())
                .isEqualTo(409);
        Thread.sleep(1500);
        assertThat(post("/api/extractions/" + slowId + "/stop", "", token("extraction"))
                        .statusCode())
                .isEqualTo(200);
        String slowState = "";
        for (int i = 0; i < 60 && !slowState.contains("STOPPED"); i++) {
            Thread.sleep(250);
            slowState = get("/api/extractions/" + slowId, token("extraction")).body();
        }
        assertThat(slowState).contains("\"state\":\"STOPPED\"");
        assertThat(get("/api/extractions/nope", token("extraction")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentListsTheAllowedPurposes() throws Exception {
        String docs = get("/v3/api-docs", null).body();
        for (Purpose p : Purpose.values()) {
            assertThat(docs).contains("\"" + p.name() + "\"");
        }
    }

    @Test
    void everyDecryptAttemptIsAuditedAndBadInputAnswers400WithFieldErrors() throws Exception {
        String customer = pii.tokenizer().customer("api-43").value();
        Ciphertext ct =
                pii.encryptor().encrypt(customer, new FieldContext("customer", customer, "email"), "a@b.example");
        String nobody = pii.tokenizer().customer("api-never-encrypted").value();
        DynamoDbAuditLog audit = new DynamoDbAuditLog(clients.dynamoDb(), NAMES.table(CdpResources.Table.AUDIT));
        int unattributed = audit.history("-").size();

        Map<String, String> fieldOf = new LinkedHashMap<>();
        fieldOf.put(decrypt(ct.value(), customer, "email", ""), "purpose");
        fieldOf.put(decrypt(ct.value(), customer, "email", "because"), "purpose");
        fieldOf.put(decrypt(ct.value(), customer, "email", "ERASURE_REQUEST"), "purpose");
        fieldOf.put(decrypt(ct.value(), customer, "name", "CUSTOMER_CONTACT"), "ciphertext");
        fieldOf.put(decrypt(ct.value(), "a|b", "email", "CUSTOMER_CONTACT"), "recordId");
        fieldOf.put(decrypt(ct.value().replace(customer, nobody), nobody, "email", "CUSTOMER_CONTACT"), "ciphertext");
        fieldOf.put(decrypt("not-a-ciphertext", customer, "email", "CUSTOMER_CONTACT"), "ciphertext");
        for (var e : fieldOf.entrySet()) {
            HttpResponse<String> refused = post("/api/pii/decrypt", e.getKey(), token("pii:decrypt"));
            assertThat(refused.statusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("\"field\":\"" + e.getValue() + "\"")
                    .doesNotContain("a@b.example");
        }
        HttpResponse<String> ok = post(
                "/api/pii/decrypt",
                decrypt(ct.value(), customer, "email", "FRAUD_INVESTIGATION"),
                token("pii:decrypt"));
        assertThat(ok.statusCode()).isEqualTo(200);

        assertThat(audit.history(customer))
                .extracting(r -> r.get("outcome").s() + ":" + r.get("purpose").s())
                .containsExactlyInAnyOrder(
                        "refused:-",
                        "refused:-",
                        "refused:ERASURE_REQUEST",
                        "refused:CUSTOMER_CONTACT",
                        "refused:CUSTOMER_CONTACT",
                        "ok:FRAUD_INVESTIGATION");
        assertThat(audit.history(nobody)).extracting(r -> r.get("outcome").s()).containsExactly("refused");
        assertThat(audit.history("-")).hasSize(unattributed + 1);
        assertThat(audit.history(customer).toString()).doesNotContain("a@b.example");
    }

    @Test
    void anErasureNeedsAnErasurePurposeAndIsAuditedAsIntentThenOutcome() throws Exception {
        String customer = pii.tokenizer().customer("api-44").value();
        pii.encryptor().encrypt(customer, new FieldContext("customer", customer, "name"), "Erase Me");
        for (String query : new String[] {"", "?purpose=", "?purpose=CUSTOMER_CONTACT", "?purpose=right-to-erasure"}) {
            HttpResponse<String> refused = delete("/api/customers/api-44/pii" + query, token("pii:erase"));
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"purpose\"");
        }
        assertThat(delete("/api/customers/api-44/pii?purpose=REGULATORY_REQUEST", token("pii:erase"))
                        .statusCode())
                .isEqualTo(204);
        DynamoDbAuditLog audit = new DynamoDbAuditLog(clients.dynamoDb(), NAMES.table(CdpResources.Table.AUDIT));
        assertThat(audit.history(customer))
                .extracting(r -> r.get("action").s() + ":" + r.get("outcome").s())
                .containsExactly(
                        "pii.erase:refused",
                        "pii.erase:refused",
                        "pii.erase:refused",
                        "pii.erase:refused",
                        "pii.erase:requested",
                        "pii.erase:ok");
    }

    @Test
    void withoutTheAuditTrailNothingIsDecryptedOrErasedAndTheAnswerIs503() throws Exception {
        String customer = pii.tokenizer().customer("api-45").value();
        Ciphertext ct = pii.encryptor().encrypt(customer, new FieldContext("customer", customer, "name"), "Audit Less");
        String body = decrypt(ct.value(), customer, "name", "FRAUD_INVESTIGATION");
        clients.dynamoDb().deleteTable(b -> b.tableName(NAMES.table(CdpResources.Table.AUDIT)));
        try {
            HttpResponse<String> decrypt = post("/api/pii/decrypt", body, token("pii:decrypt"));
            assertThat(decrypt.statusCode()).isEqualTo(503);
            assertThat(decrypt.body()).contains("audit-unavailable").doesNotContain("Audit Less");
            HttpResponse<String> refused =
                    post("/api/pii/decrypt", decrypt(ct.value(), customer, "name", "nope"), token("pii:decrypt"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(delete("/api/customers/api-45/pii?purpose=ERASURE_REQUEST", token("pii:erase"))
                            .statusCode())
                    .isEqualTo(503);
        } finally {
            new ResourceBootstrap(clients, NAMES).createAll();
        }
        // the erasure was refused before it touched the key: the customer's data still decrypts
        HttpResponse<String> after = post("/api/pii/decrypt", body, token("pii:decrypt"));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Audit Less");
    }

    private static String decrypt(String ciphertext, String recordId, String field, String purpose) {
        return "{\"ciphertext\":\"" + ciphertext + "\",\"entity\":\"customer\",\"recordId\":\"" + recordId
                + "\",\"field\":\"" + field + "\",\"purpose\":\"" + purpose + "\"}";
    }

    private HttpResponse<String> delete(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String token(String scope) {
        return DevTokens.mint(KEY, "tester", List.of(scope), Duration.ofMinutes(5));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
