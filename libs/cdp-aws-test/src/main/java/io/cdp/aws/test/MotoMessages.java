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

    /**
     * One dump of the emulator's state. Moto builds it by reading every tracked model's properties while the services
     * keep writing, so a property that iterates a collection mid-write fails the dump with an HTML 500 page now and
     * then: a bounded retry, and an error that says what the emulator answered.
     */
    private JsonNode data() throws Exception {
        String last = "";
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().startsWith("{")) {
                return JSON.readTree(r.body());
            }
            last = "HTTP " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(200, r.body().length()));
            Thread.sleep(250L * attempt);
        }
        throw new IllegalStateException("the emulator's /moto-api/data.json failed five times; last answer " + last);
    }

    /** What was sent, from one read of the emulator's state (which grows with it: read once, late, when possible). */
    public record Sent(List<Sms> sms, List<Email> emails) {}

    public List<Sms> smsTo(String phone) throws Exception {
        return sent().sms().stream().filter(m -> phone.equals(m.phoneNumber())).toList();
    }

    public List<Email> emailsTo(String address) throws Exception {
        return sent().emails().stream().filter(m -> m.to().contains(address)).toList();
    }

    /** Every SMS and e-mail the emulator recorded, in every namespace. */
    public Sent sent() throws Exception {
        JsonNode data = data();
        List<Sms> sms = new ArrayList<>();
        for (JsonNode n : data.path("sns").path("SMS")) {
            sms.add(new Sms(
                    n.path("message_id").asString(),
                    n.path("phone_number").asString(),
                    n.path("message").asString()));
        }
        List<Email> emails = new ArrayList<>();
        for (JsonNode n : data.path("ses").path("Message")) {
            List<String> to = new ArrayList<>();
            n.path("destinations").path("ToAddresses").forEach(a -> to.add(a.asString()));
            emails.add(new Email(
                    n.path("id").asString(),
                    n.path("source").asString(),
                    n.path("subject").asString(),
                    n.path("body").asString(),
                    to));
        }
        return new Sent(sms, emails);
    }
}
