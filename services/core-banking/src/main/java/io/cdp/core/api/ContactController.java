package io.cdp.core.api;

import io.cdp.core.contact.CardNotOfCustomerException;
import io.cdp.core.contact.Contact;
import io.cdp.core.contact.ContactLookup;
import io.cdp.core.contact.ContactRequest;
import io.cdp.core.contact.UnknownCustomerException;
import io.cdp.pii.audit.AuditUnavailableException;
import io.cdp.pii.crypto.KeyShreddedException;
import io.cdp.pii.crypto.PiiRequestRefusedException;
import io.cdp.pii.crypto.SubjectErasedException;
import io.cdp.pii.crypto.UnknownSubjectException;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The contact endpoint for core-zone services that write to customers (alerting): one call, one audit record, the
 * values a message needs. Validated by {@link ContactLookup} and not by bean validation, so a refused request is
 * audited too. 400 bad input (field errors), 404 unknown customer, 410 erased, 422 a card that is not the
 * customer's, 503 when the audit trail or the key service is down.
 */
@RestController
@Tag(name = "pii", description = "Core-zone decryption (scope pii:decrypt) and erasure (scope pii:erase)")
class ContactController {

    record ContactBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "cus_v<n>_... token") @Nullable
            String customerToken,

            @Schema(description = "crd_v<n>_... token of the card the message is about; its last four are answered")
            @Nullable
            String cardToken,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "the caller's reference (alert or campaign id), recorded in the audit trail")
            @Nullable
            String reference,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"FRAUD_ALERT_DELIVERY", "CUSTOMER_CONTACT"})
            @Nullable
            String purpose) {}

    record ContactResponse(
            String firstName,
            String email,
            @Schema(description = "E.164") @Nullable String phone,

            @Schema(description = "null when no card was asked for") @Nullable
            String cardLast4) {}

    private final ContactLookup lookup;

    ContactController(ContactLookup lookup) {
        this.lookup = lookup;
    }

    @PostMapping("/api/pii/contact")
    @Operation(
            summary = "A customer's contact data for a message",
            description = "First name, e-mail, phone and the card's last four, from the customer token (and the "
                    + "card's). One audit record per call, whatever the outcome (caller, purpose, reference, fields; "
                    + "never a value). 400 bad input, 404 unknown customer, 410 erased, 422 the card is not the "
                    + "customer's, 503 audit trail or key service down")
    ContactResponse contact(@RequestBody ContactBody body, @AuthenticationPrincipal Jwt caller) {
        try {
            Contact c = lookup.lookup(
                    new ContactRequest(body.customerToken(), body.cardToken(), body.reference(), body.purpose()),
                    caller.getSubject());
            return new ContactResponse(c.firstName(), c.email(), c.phone(), c.cardLast4());
        } catch (PiiRequestRefusedException e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(p -> new FieldProblem(p.field(), p.message()))
                    .toList());
        } catch (UnknownCustomerException | UnknownSubjectException e) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND, "customer-unknown", "Unknown customer", "The token names no customer.");
        } catch (KeyShreddedException | SubjectErasedException e) {
            throw new ProblemException(
                    HttpStatus.GONE, "pii-erased", "Personal data erased", "The customer's personal data was erased.");
        } catch (CardNotOfCustomerException e) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "card-not-of-customer",
                    "Card does not belong to the customer",
                    "The card token names no card of this customer.");
        } catch (AuditUnavailableException e) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "audit-unavailable",
                    "Audit trail unavailable",
                    "The access could not be audited, so it was not performed. Retry later.");
        } catch (SdkException e) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "pii-unavailable",
                    "Key service unavailable",
                    "KMS or a core table did not answer; the attempt was audited as failed. Retry later.");
        }
    }
}
