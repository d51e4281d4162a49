package io.cdp.core.api;

import io.cdp.events.pii.Ciphertext;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.pii.crypto.KeyShreddedException;
import io.cdp.pii.crypto.PiiDecryptor;
import io.cdp.pii.crypto.UnreadableCiphertextException;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
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

/**
 * The core zone's PII endpoints; every call is audited with the caller's subject and stated purpose. Errors are
 * problem documents (cdp-service-support): 410 {@code pii-erased}, 422 {@code unreadable-ciphertext}, 400 for a
 * value that is no ciphertext at all.
 */
@RestController
@Tag(name = "pii", description = "Core-zone decryption (scope pii:decrypt) and erasure (scope pii:erase)")
class PiiController {

    record DecryptRequest(
            @NotBlank String ciphertext,
            @NotBlank String entity,
            @NotBlank String recordId,
            @NotBlank String field,
            @NotBlank String purpose) {}

    record DecryptResponse(String value) {}

    private final PiiDecryptor decryptor;
    private final PiiProtection pii;

    PiiController(PiiDecryptor decryptor, PiiProtection pii) {
        this.decryptor = decryptor;
        this.pii = pii;
    }

    @PostMapping("/api/pii/decrypt")
    @Operation(
            summary = "Decrypt one field",
            description = "410 when the customer was erased, 422 when the ciphertext "
                    + "does not belong to the given record and field")
    DecryptResponse decrypt(@Valid @RequestBody DecryptRequest request, @AuthenticationPrincipal Jwt caller) {
        Ciphertext ciphertext;
        try {
            ciphertext = Ciphertext.of(request.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("ciphertext", "is not a CDP ciphertext")));
        }
        try {
            return new DecryptResponse(decryptor.decrypt(
                    ciphertext,
                    new FieldContext(request.entity(), request.recordId(), request.field()),
                    caller.getSubject(),
                    request.purpose()));
        } catch (KeyShreddedException e) {
            throw new ProblemException(HttpStatus.GONE, "pii-erased", "Personal data erased", e.getMessage());
        } catch (UnreadableCiphertextException e) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-ciphertext", "Unreadable ciphertext", e.getMessage());
        }
    }

    @DeleteMapping("/api/customers/{customerId}/pii")
    @Operation(summary = "Erase a customer's personal data everywhere (crypto-shredding)")
    ResponseEntity<Void> erase(
            @PathVariable String customerId, @RequestParam String purpose, @AuthenticationPrincipal Jwt caller) {
        decryptor.erase(pii.tokenizer().customer(customerId).value(), caller.getSubject(), purpose);
        return ResponseEntity.noContent().build();
    }
}
