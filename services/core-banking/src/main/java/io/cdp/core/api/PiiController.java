package io.cdp.core.api;

import io.cdp.core.erasure.CustomerErasure;
import io.cdp.pii.audit.AuditUnavailableException;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.KeyShreddedException;
import io.cdp.pii.crypto.PiiDecryptor;
import io.cdp.pii.crypto.PiiRequestRefusedException;
import io.cdp.pii.crypto.UnknownSubjectException;
import io.cdp.pii.crypto.UnreadableCiphertextException;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The core zone's PII endpoints. Every attempt, refused or failed ones included, is audited with the caller's subject
 * and purpose before it is answered (cdp-pii's {@link PiiDecryptor} contract); that is why the request is validated
 * there and not by bean validation, which would answer before any audit. Errors are problem documents
 * (cdp-service-support): 400 {@code validation} with field errors for a missing or unknown purpose, a malformed
 * ciphertext or context, a ciphertext that does not belong to the given context, an unknown subject; 410
 * {@code pii-erased}; 503 {@code audit-unavailable} when the audit record cannot be written (never the plaintext
 * without it) and {@code pii-unavailable} when KMS or the key table fails.
 */
@RestController
@Tag(name = "pii", description = "Core-zone decryption (scope pii:decrypt) and erasure (scope pii:erase)")
class PiiController {

    /** Fields unchecked here on purpose: a malformed request is refused and audited by the decryptor. */
    record DecryptRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ct1.<keyRef>.<sealed>") @Nullable
            String ciphertext,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "customer") @Nullable
            String entity,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the record's token") @Nullable
            String recordId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "name") @Nullable
            String field,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "why the value is needed; recorded in the audit trail",
                    allowableValues = {
                        "FRAUD_INVESTIGATION",
                        "FRAUD_ALERT_DELIVERY",
                        "CUSTOMER_CONTACT",
                        "SUBJECT_ACCESS_REQUEST",
                        "REGULATORY_REQUEST"
                    })
            @Nullable
            String purpose) {}

    record DecryptResponse(String value) {}

    private final PiiDecryptor decryptor;
    private final CustomerErasure erasure;

    PiiController(PiiDecryptor decryptor, CustomerErasure erasure) {
        this.decryptor = decryptor;
        this.erasure = erasure;
    }

    @PostMapping("/api/pii/decrypt")
    @Operation(
            summary = "Decrypt one field",
            description = "Audited before it is answered, whatever the outcome. 400 for bad input (field errors), "
                    + "410 when the customer was erased, 503 when the audit trail or the key service is down")
    DecryptResponse decrypt(@RequestBody DecryptRequest request, @AuthenticationPrincipal Jwt caller) {
        try {
            return new DecryptResponse(decryptor.decrypt(
                    new PiiDecryptor.DecryptRequest(
                            request.ciphertext(),
                            request.entity(),
                            request.recordId(),
                            request.field(),
                            request.purpose()),
                    caller.getSubject()));
        } catch (KeyShreddedException e) {
            throw new ProblemException(HttpStatus.GONE, "pii-erased", "Personal data erased", e.getMessage());
        } catch (UnknownSubjectException e) {
            throw invalid("ciphertext", "names no known customer");
        } catch (UnreadableCiphertextException e) {
            throw invalid("ciphertext", "does not belong to this entity, recordId and field (moved or altered)");
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @DeleteMapping("/api/customers/{customerId}/pii")
    @Operation(
            summary = "Erase a customer's personal data everywhere",
            description = "Crypto-shreds the customer's data key (their ciphertexts everywhere become unreadable) and "
                    + "removes the plaintext PII of the customer and their cards from the core tables. The intent is "
                    + "audited before anything is erased, the outcome after. 400 for a missing or unfit purpose, 503 "
                    + "when the audit trail is down (nothing erased)")
    ResponseEntity<Void> erase(
            @PathVariable String customerId,
            @Parameter(schema = @Schema(allowableValues = {"ERASURE_REQUEST", "REGULATORY_REQUEST"}))
                    @RequestParam(required = false)
                    @Nullable
                    String purpose,
            @AuthenticationPrincipal Jwt caller) {
        try {
            erasure.erase(
                    customerId, caller.getSubject(), Purpose.parse(purpose).orElse(null));
        } catch (RuntimeException e) {
            throw translate(e);
        }
        return ResponseEntity.noContent().build();
    }

    private static RuntimeException translate(RuntimeException e) {
        return switch (e) {
            case PiiRequestRefusedException refused ->
                new InvalidRequestException(refused.problems().stream()
                        .map(p -> new FieldProblem(p.field(), p.message()))
                        .toList());
            case AuditUnavailableException unavailable ->
                new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "audit-unavailable",
                        "Audit trail unavailable",
                        "The access could not be audited, so it was not performed. Retry later.");
            case SdkException sdk ->
                new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "pii-unavailable",
                        "Key service unavailable",
                        "KMS or the key table did not answer; the attempt was audited as failed. Retry later.");
            default -> e;
        };
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }
}
