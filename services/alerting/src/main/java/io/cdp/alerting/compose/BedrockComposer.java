package io.cdp.alerting.compose;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Claude on Amazon Bedrock through the Converse API: the model id by configuration (an inference profile such as
 * {@code us.anthropic.claude-haiku-4-5-20251001-v1:0}), low temperature, a token limit, an optional guardrail. The
 * result is not validated here; {@link ResilientComposer} does that and falls back to the templates.
 */
public final class BedrockComposer implements Composer {

    public static final String NAME = "bedrock";

    /**
     * @param guardrailId      a Bedrock Guardrail identifier, or null for none
     * @param guardrailVersion its version (e.g. {@code DRAFT} or {@code 1}); required with an id
     */
    public record Settings(
            String modelId,
            float temperature,
            int maxTokens,
            @Nullable String guardrailId,
            @Nullable String guardrailVersion,
            String bankName) {}

    private final BedrockRuntimeClient bedrock;
    private final Settings settings;

    public BedrockComposer(BedrockRuntimeClient bedrock, Settings settings) {
        this.bedrock = bedrock;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public ConverseRequest request(AlertContext context) {
        ConverseRequest.Builder request = ConverseRequest.builder()
                .modelId(settings.modelId())
                .system(SystemContentBlock.fromText(PromptBuilder.system(settings.bankName())))
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(PromptBuilder.user(context)))
                        .build())
                .inferenceConfig(InferenceConfiguration.builder()
                        .temperature(settings.temperature())
                        .maxTokens(settings.maxTokens())
                        .build());
        if (settings.guardrailId() != null && !settings.guardrailId().isBlank()) {
            request.guardrailConfig(GuardrailConfiguration.builder()
                    .guardrailIdentifier(settings.guardrailId())
                    .guardrailVersion(settings.guardrailVersion() == null ? "DRAFT" : settings.guardrailVersion())
                    .build());
        }
        return request.build();
    }

    @Override
    public Composition compose(AlertContext context) {
        long start = System.nanoTime();
        ConverseResponse response = bedrock.converse(request(context));
        if (response.stopReason() == StopReason.GUARDRAIL_INTERVENED) {
            throw new GuardrailInterventionException();
        }
        String text = response.output().message().content().stream()
                .map(ContentBlock::text)
                .filter(t -> t != null)
                .reduce("", String::concat)
                .strip();
        String subject = null;
        String body = text;
        if (context.channel() == MessageChannel.EMAIL && text.regionMatches(true, 0, "Subject:", 0, 8)) {
            int eol = text.indexOf('\n');
            subject = (eol < 0 ? text.substring(8) : text.substring(8, eol)).strip();
            body = eol < 0 ? "" : text.substring(eol + 1).strip();
        }
        int in = response.usage() == null ? 0 : nz(response.usage().inputTokens());
        int out = response.usage() == null ? 0 : nz(response.usage().outputTokens());
        return new Composition(
                context.channel(),
                subject,
                body,
                NAME,
                settings.modelId(),
                in,
                out,
                (System.nanoTime() - start) / 1_000_000,
                null);
    }

    /** The untrusted inputs a composed text is checked against (echo check). */
    public static List<String> untrustedInputs(AlertContext context) {
        return context.merchantCity() == null ? List.of() : List.of(context.merchantCity());
    }

    private static int nz(@Nullable Integer v) {
        return v == null ? 0 : v;
    }
}
