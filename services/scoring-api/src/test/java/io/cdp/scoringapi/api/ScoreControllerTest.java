package io.cdp.scoringapi.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cdp.service.problem.CdpProblemAutoConfiguration;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Request validation and problem documents of the scoring endpoints, without security or AWS. */
@WebMvcTest(ScoreController.class)
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration(CdpProblemAutoConfiguration.class)
class ScoreControllerTest {

    private static final String VALID = """
            {"transactionId": "t-1", "cardToken": "crd_v1_Zm9vYmFyYmF6cXV4MTIzNDU2Li4uLi4uLi4uLi4uLi4", "amount": 12.5, "currency": "EUR",
             "merchantId": "m-1", "mcc": 5411, "channel": "CHIP", "transactionTime": "2026-01-23T14:05:00Z"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FraudScorer scorer;

    @Test
    void rejectsANonTokenCardReferenceNamingTheFieldButNotTheValue() throws Exception {
        String body = VALID.replace("crd_v1_Zm9vYmFyYmF6cXV4MTIzNDU2Li4uLi4uLi4uLi4uLi4", "4111111111111111");

        mvc.perform(post("/v1/fraud-scores")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("cardToken"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("4111111111111111"))));
        verify(scorer, never()).score(any(), anyString(), anyString());
    }

    @Test
    void rejectsABatchOverTheLimitWith413BeforeScoringAny() throws Exception {
        StringJoiner items = new StringJoiner(",", "{\"transactions\": [", "]}");
        for (int i = 0; i <= ScoreController.MAX_BATCH; i++) {
            items.add(VALID);
        }

        mvc.perform(post("/v1/fraud-scores:batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(items.toString()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("https://problems.cdp.io/batch-too-large"));
        verify(scorer, never()).score(any(), anyString(), anyString());
    }

    @Test
    void namesTheInvalidItemOfABatch() throws Exception {
        String bad = VALID.replace("\"mcc\": 5411", "\"mcc\": 123456");

        mvc.perform(post("/v1/fraud-scores:batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transactions\": [" + VALID + "," + bad + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("transactions[1].mcc"));
    }

    @Test
    void answersUnreadableJsonWithAProblemNotAStackTrace() throws Exception {
        mvc.perform(post("/v1/fraud-scores")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").exists())
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
    }
}
