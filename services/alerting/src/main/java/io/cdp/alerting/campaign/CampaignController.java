package io.cdp.alerting.campaign;

import io.cdp.alerting.compose.MessageChannel;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/campaigns} (scope {@code campaigns:write}). */
@RestController
@Tag(name = "campaigns", description = "Personalised marketing messages to a segment, with consent and suppression")
class CampaignController {

    record CampaignBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Champions") @Nullable
            String segment,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the offer, 10 to 240 characters")
            @Nullable
            String offerBrief,

            @Schema(allowableValues = {"EMAIL", "SMS"}) @Nullable
            String channel,

            @Schema(description = "preview only: nothing is sent, no contact details are read") @Nullable
            Boolean dryRun,

            @Schema(description = "at most this many messages (default 1000, at most 10000)") @Nullable
            Integer maxMessages) {}

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/v1/campaigns")
    @Operation(
            summary = "Run (or preview) a campaign for one segment",
            description = "Customers who consented to marketing on the channel and had no fraud alert in the last 7 "
                    + "days get one personalised message, at the configured rate. 422 when the brief fails the "
                    + "message checks (nothing sent)")
    CampaignService.Result run(@RequestBody(required = false) @Nullable CampaignBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || body.segment() == null || body.segment().isBlank()) {
            problems.add(new FieldProblem("segment", "is required"));
        }
        if (body == null
                || body.offerBrief() == null
                || body.offerBrief().strip().length() < 10
                || body.offerBrief().strip().length() > 240) {
            problems.add(new FieldProblem("offerBrief", "must be 10 to 240 characters"));
        }
        MessageChannel channel = MessageChannel.EMAIL;
        if (body != null && body.channel() != null) {
            try {
                channel = MessageChannel.valueOf(body.channel().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("channel", "must be EMAIL or SMS"));
            }
        }
        int max = body == null || body.maxMessages() == null ? 1000 : body.maxMessages();
        if (max < 1 || max > 10_000) {
            problems.add(new FieldProblem("maxMessages", "must be 1 to 10000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        try {
            return campaigns.run(new CampaignService.Request(
                    body.segment().strip(),
                    body.offerBrief().strip(),
                    channel,
                    Boolean.TRUE.equals(body.dryRun()),
                    max));
        } catch (CampaignService.BriefRejectedException e) {
            throw new InvalidRequestException(e.failedChecks().stream()
                    .map(check -> new FieldProblem("offerBrief", "fails the message check " + check))
                    .toList());
        }
    }
}
