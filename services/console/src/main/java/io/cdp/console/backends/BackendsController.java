package io.cdp.console.backends;

import io.cdp.service.problem.FieldProblem;
import io.cdp.service.problem.InvalidRequestException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The views that other services answer: customer lookup, unmask (with its audit trail) and models. */
@RestController
class BackendsController {

    /** Tokens are URL-safe base64 with a prefix; anything else never reaches another service's path. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-]{1,200}");

    private final Backends backends;
    private final AuditTrail audit;

    BackendsController(Backends backends, AuditTrail audit) {
        this.backends = backends;
        this.audit = audit;
    }

    @GetMapping("/console/api/customers/{customerToken}")
    ResponseEntity<byte[]> customer(@PathVariable String customerToken, @AuthenticationPrincipal Jwt caller) {
        return backends.get(
                backends.properties().customer360(), "/v1/customers/" + checked(customerToken), caller.getTokenValue());
    }

    /** Body as customer-360 takes it: {@code {"purpose": "FRAUD_INVESTIGATION", "fields": ["name"]}}. */
    @PostMapping("/console/api/customers/{customerToken}/unmask")
    ResponseEntity<byte[]> unmask(
            @PathVariable String customerToken, @RequestBody String body, @AuthenticationPrincipal Jwt caller) {
        return backends.post(
                backends.properties().customer360(),
                "/v1/customers/" + checked(customerToken) + "/unmask",
                caller.getTokenValue(),
                body);
    }

    @GetMapping("/console/api/customers/{customerToken}/audit")
    List<AuditTrail.Entry> audit(@PathVariable String customerToken) {
        return audit.forRecord(checked(customerToken), 50);
    }

    @GetMapping("/console/api/models")
    ResponseEntity<byte[]> models(@AuthenticationPrincipal Jwt caller) {
        return backends.get(backends.properties().scoringApi(), "/v1/models", caller.getTokenValue());
    }

    @GetMapping("/console/api/models/{version}")
    ResponseEntity<byte[]> model(@PathVariable String version, @AuthenticationPrincipal Jwt caller) {
        return backends.get(
                backends.properties().scoringApi(), "/v1/models/" + checked(version), caller.getTokenValue());
    }

    /** Curves, lineage, drift and promotion decisions of a version (the scoring API's evaluation of it). */
    @GetMapping("/console/api/models/{version}/evaluation")
    ResponseEntity<byte[]> evaluation(@PathVariable String version, @AuthenticationPrincipal Jwt caller) {
        return backends.get(
                backends.properties().scoringApi(),
                "/v1/models/" + checked(version) + "/evaluation",
                caller.getTokenValue());
    }

    private static String checked(String pathValue) {
        if (!TOKEN.matcher(pathValue).matches()) {
            throw new InvalidRequestException(
                    List.of(new FieldProblem("path", "letters, digits, '-' and '_' only, at most 200")));
        }
        return pathValue;
    }
}
