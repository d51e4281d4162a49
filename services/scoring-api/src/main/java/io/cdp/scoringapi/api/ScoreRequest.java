package io.cdp.scoringapi.api;

import io.cdp.events.payload.Channel;
import io.cdp.events.pii.Token;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.WireTransactions;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One card transaction to score, as the authorization system sees it; identifiers are tokens, never PANs. */
@Schema(name = "ScoreRequest", description = "A card transaction to score.")
public record ScoreRequest(
        @Schema(
                description = "The caller's transaction id; unique per card.",
                example = "auth-20260123-000042",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only")
        @Nullable
        String transactionId,

        @Schema(
                description = "Card token issued by the core-banking zone (never a card number).",
                example = "crd_v1_Zm9vYmFyYmF6cXV4MTIzNDU2Li4uLi4uLi4uLi4uLi4",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Pattern(regexp = Token.PATTERN, message = "must be a token: <kind>_v<version>_<43 base64url>")
        @Nullable
        String cardToken,

        @Schema(
                description = "Amount in the currency's major unit; negative for a refund.",
                example = "42.90",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @DecimalMin("-1000000")
        @DecimalMax("1000000")
        @Nullable
        BigDecimal amount,

        @Schema(description = "ISO 4217 currency code.", example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR")
        @Nullable
        String currency,

        @Schema(
                description = "Merchant id as the acquirer reports it.",
                example = "m-4411-berlin-07",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Size(max = 64)
        @Nullable
        String merchantId,

        @Schema(description = "Merchant state (US) or country code; absent for online merchants.", example = "CA")
        @Size(max = 32)
        @Nullable
        String merchantState,

        @Schema(description = "Merchant postal code; absent for online and foreign merchants.", example = "94105")
        @Pattern(regexp = "^[0-9]{5}$", message = "must be 5 digits")
        @Nullable
        String merchantZip,

        @Schema(
                description = "Merchant category code (ISO 18245).",
                example = "5411",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minimum = "0",
                maximum = "9999")
        @NotNull
        @Min(0)
        @Max(9999)
        @Nullable
        Integer mcc,

        @Schema(description = "How the card was used.", example = "CHIP", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Nullable
        Channel channel,

        @Schema(
                description = "When the transaction happened (ISO-8601, UTC); from 2000 to one day ahead.",
                example = "2026-01-23T14:05:00Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull
        @Nullable
        Instant transactionTime,

        @ArraySchema(
                arraySchema = @Schema(description = "Errors the authorization reported, e.g. \"Bad PIN\"."),
                schema = @Schema(example = "Bad PIN", maxLength = 64),
                maxItems = 8)
        @Size(max = 8)
        @Nullable
        List<@NotNull @Size(max = 64) String> errors) {

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** The transaction as the online features read it; the card holder is not part of an authorization request. */
    public OnlineTransaction toInput() {
        return new OnlineTransaction(
                transactionId,
                null,
                cardToken,
                transactionTime,
                amount.doubleValue(),
                WireTransactions.useChip(channel),
                merchantId,
                null,
                merchantState == null || merchantState.isBlank() ? null : merchantState,
                merchantZip,
                mcc,
                errors == null ? List.of() : errors,
                false);
    }
}
