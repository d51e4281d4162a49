package io.cdp.aws.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the emulator (moto) recorded as sent, read over HTTP from {@code /moto-api/data.json}: SNS SMS publishes
 * ({@code sns.SMS}: message_id, phone_number, message) and SES e-mails ({@code ses.Message}: id, source, subject, body,
 * destinations).
 */
public final class MotoMessages {

    public record Sms(String messageId, String phoneNumber, String message) {}

    public record Email(String id, String source, String subject, String body, List<String> to) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI endpoint;

    public MotoMessages(URI endpoint) {
        this.endpoint = endpoint;
    }

    private JsonNode data() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    public List<Sms> smsTo(String phone) throws Exception {
        List<Sms> out = new ArrayList<>();
        for (JsonNode n : data().path("sns").path("SMS")) {
            if (phone.equals(n.path("phone_number").asString())) {
                out.add(new Sms(
                        n.path("message_id").asString(),
                        n.path("phone_number").asString(),
                        n.path("message").asString()));
            }
        }
        return out;
    }

    public List<Email> emailsTo(String address) throws Exception {
        List<Email> out = new ArrayList<>();
        for (JsonNode n : data().path("ses").path("Message")) {
            List<String> to = new ArrayList<>();
            n.path("destinations").path("ToAddresses").forEach(a -> to.add(a.asString()));
            if (to.contains(address)) {
                out.add(new Email(
                        n.path("id").asString(),
                        n.path("source").asString(),
                        n.path("subject").asString(),
                        n.path("body").asString(),
                        to));
            }
        }
        return out;
    }
}
