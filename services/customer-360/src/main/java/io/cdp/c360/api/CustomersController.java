package io.cdp.c360.api;

import io.cdp.c360.profile.Consents;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.profile.SealedPii;
import io.cdp.c360.store.DynamoProfileStore;
import io.cdp.c360.store.ProfileStore;
import io.cdp.c360.store.ProfileStore.Stored;
import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import io.cdp.service.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Profiles: read (masked), list by segment, risk and CLV with a cursor, consents, and audited unmasking. */
@RestController
@Tag(
        name = "customers",
        description = "Masked customer profiles (scopes customers:read, customers:write, customers:unmask)")
class CustomersController {

    private static final Logger log = LoggerFactory.getLogger(CustomersController.class);
    static final int MAX_PAGE = 200;

    /** Why an analyst may see a customer's name, e-mail or address; recorded by core-banking's audit. */
    enum Purpose {
        FRAUD_INVESTIGATION,
        FRAUD_ALERT_DELIVERY,
        CUSTOMER_CONTACT,
        SUBJECT_ACCESS_REQUEST,
        REGULATORY_REQUEST
    }

    record Page(List<ProfileResponse> items, @Nullable String nextCursor) {}

    record ConsentChange(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            Boolean granted) {}

    record UnmaskRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "why the plaintext is needed; recorded in core-banking's audit trail",
                    allowableValues = {
                        "FRAUD_INVESTIGATION",
                        "FRAUD_ALERT_DELIVERY",
                        "CUSTOMER_CONTACT",
                        "SUBJECT_ACCESS_REQUEST",
                        "REGULATORY_REQUEST"
                    })
            @Nullable
            String purpose,

            @Schema(description = "fields to unmask (name, email, address); all when absent") @Nullable
            List<String> fields) {}

    record UnmaskResponse(
            String customerToken,
            String purpose,
            @Nullable String name,
            @Nullable String email,
            @Nullable String address) {}

    private final ProfileStore store;
    private final CoreBankingPii pii;
    private final Clock clock;

    CustomersController(ProfileStore store, CoreBankingPii pii, Clock clock) {
        this.store = store;
        this.pii = pii;
        this.clock = clock;
    }

    @GetMapping("/v1/customers/{customerToken}")
    @Operation(
            summary = "One customer's profile, masked",
            description = "404 when the token is unknown, 410 when the customer was erased")
    ProfileResponse get(@PathVariable String customerToken) {
        Stored stored = load(customerToken);
        return ProfileResponse.of(stored.profile(), stored.cards(), clock.instant());
    }

    @GetMapping("/v1/customers")
    @Operation(
            summary = "Profiles by segment, risk and CLV range",
            description = "Cursor pagination: pass nextCursor back as cursor until it is null. Items carry no cards.")
    Page list(
            @RequestParam(required = false) @Nullable String segment,
            @Parameter(description = "lowest highest-recent fraud score") @RequestParam(required = false) @Nullable
                    Double minRisk,
            @RequestParam(required = false) @Nullable Double maxRisk,
            @Parameter(description = "lowest predicted spend (CLV)") @RequestParam(required = false) @Nullable
                    Double minClv,
            @RequestParam(required = false) @Nullable Double maxClv,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException(List.of(new FieldProblem("limit", "must be between 1 and " + MAX_PAGE)));
        }
        ProfileStore.Page page;
        try {
            page = store.list(new ProfileStore.Filter(segment, minRisk, maxRisk, minClv, maxClv), limit, cursor);
        } catch (DynamoProfileStore.InvalidCursorException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("cursor", "not a cursor of this listing")));
        }
        var now = clock.instant();
        return new Page(
                page.profiles().stream()
                        .map(p -> ProfileResponse.of(p, null, now))
                        .toList(),
                page.nextCursor());
    }

    @PutMapping("/v1/customers/{customerToken}/consents")
    @Operation(
            summary = "Set consents",
            description = "Any subset of fraudAlertsEmail, fraudAlertsSms, marketingEmail, marketingSms, each "
                    + "{\"granted\": bool}; the service stamps updatedAt. Answers the updated profile.")
    ProfileResponse consents(@PathVariable String customerToken, @RequestBody Map<String, ConsentChange> changes) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Boolean> granted = new LinkedHashMap<>();
        changes.forEach((key, change) -> {
            if (!Consents.KEYS.contains(key)) {
                problems.add(new FieldProblem(
                        key,
                        "unknown consent; one of "
                                + Consents.KEYS.stream().sorted().toList()));
            } else if (change == null || change.granted() == null) {
                problems.add(new FieldProblem(key + ".granted", "must be true or false"));
            } else {
                granted.put(key, change.granted());
            }
        });
        if (changes.isEmpty()) {
            problems.add(new FieldProblem("body", "name at least one consent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        try {
            var now = clock.instant();
            Profile updated = store.update(
                            customerToken, p -> p.withConsents(p.consents().with(granted, now), now))
                    .orElseThrow(() -> notFound());
            return ProfileResponse.of(updated, load(customerToken).cards(), now);
        } catch (ProfileStore.ErasedException e) {
            throw gone();
        }
    }

    @PostMapping("/v1/customers/{customerToken}/unmask")
    @Operation(
            summary = "Unmask name, e-mail or address (audited in core-banking)",
            description =
                    "Needs customers:unmask here and pii:decrypt at core-banking, which receives the caller's own "
                            + "token and audits the access with the purpose. The plaintext is in this response only: never "
                            + "cached (Cache-Control: no-store), never logged, never stored.")
    ResponseEntity<UnmaskResponse> unmask(
            @PathVariable String customerToken,
            @RequestBody UnmaskRequest request,
            @AuthenticationPrincipal Jwt caller) {
        Purpose purpose = parsePurpose(request.purpose());
        List<String> fields = request.fields() == null || request.fields().isEmpty()
                ? List.of("name", "email", "address")
                : request.fields();
        for (String f : fields) {
            if (!List.of("name", "email", "address").contains(f)) {
                throw new InvalidRequestException(List.of(new FieldProblem("fields", "name, email or address")));
            }
        }
        Stored stored = load(customerToken);
        SealedPii sealed = stored.profile().sealed();
        if (sealed == null) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "no-sealed-pii",
                    "Nothing to unmask",
                    "core-banking has not published this customer's encrypted details yet");
        }
        Map<String, String> plain = new LinkedHashMap<>();
        for (String f : fields) {
            String ciphertext = sealed.field(f);
            if (ciphertext != null) {
                plain.put(f, pii.decrypt(caller.getTokenValue(), ciphertext, customerToken, f, purpose.name()));
            }
        }
        log.info(
                "unmask customer={} subject={} purpose={} fields={}",
                customerToken,
                caller.getSubject(),
                purpose,
                plain.keySet());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(new UnmaskResponse(
                        customerToken, purpose.name(), plain.get("name"), plain.get("email"), plain.get("address")));
    }

    private Stored load(String customerToken) {
        Stored stored = store.find(customerToken).orElseThrow(CustomersController::notFound);
        if (stored.erased() || stored.profile() == null) {
            throw gone();
        }
        return stored;
    }

    private static Purpose parsePurpose(@Nullable String value) {
        if (value != null) {
            for (Purpose p : Purpose.values()) {
                if (p.name().equals(value)) {
                    return p;
                }
            }
        }
        throw new InvalidRequestException(
                List.of(new FieldProblem("purpose", "one of " + java.util.Arrays.toString(Purpose.values()))));
    }

    static ProblemException notFound() {
        return new ProblemException(
                HttpStatus.NOT_FOUND, "customer-not-found", "Unknown customer", "no profile for this customer token");
    }

    static ProblemException gone() {
        return new ProblemException(
                HttpStatus.GONE, "customer-erased", "Customer erased", "this customer's profile was erased");
    }
}
