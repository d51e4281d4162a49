package io.cdp.alerting.compose;

/** Bedrock's guardrail intervened: the model's text must not be used. */
public final class GuardrailInterventionException extends RuntimeException {

    public GuardrailInterventionException() {
        super("guardrail intervened");
    }
}
