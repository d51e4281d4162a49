package io.cdp.alerting.compose;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composer the alert pipeline uses: the model (when one is configured) under a per-attempt timeout, retries with
 * backoff and a circuit breaker, each attempt on a virtual thread so a slow model never holds a consumer thread for
 * long; then every check of {@link MessageValidator}. Whatever fails (timeout, open circuit, guardrail, a failed check,
 * any error) falls back to the reviewed template, with the reason recorded on the composition.
 */
public final class ResilientComposer implements Composer {

    private static final Logger log = LoggerFactory.getLogger(ResilientComposer.class);

    private final @Nullable Composer model;
    private final TemplateComposer template;
    private final MessageValidator validator;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Duration attemptTimeout;
    private final ExecutorService executor;

    public ResilientComposer(
            @Nullable Composer model,
            TemplateComposer template,
            MessageValidator validator,
            Retry retry,
            CircuitBreaker breaker,
            Duration attemptTimeout,
            ExecutorService executor) {
        this.model = model;
        this.template = template;
        this.validator = validator;
        this.retry = retry;
        this.breaker = breaker;
        this.attemptTimeout = attemptTimeout;
        this.executor = executor;
    }

    @Override
    public Composition compose(AlertContext context) {
        List<String> untrusted = BedrockComposer.untrustedInputs(context);
        if (model == null) {
            return checked(template.compose(context), untrusted);
        }
        long start = System.nanoTime();
        String reason;
        try {
            Composition composed = Retry.decorateCheckedSupplier(
                            retry, () -> breaker.executeCheckedSupplier(() -> attempt(context)))
                    .get();
            MessageValidator.Result result = validator.validate(composed, untrusted);
            if (result.ok()) {
                return composed;
            }
            reason = "validation:" + String.join(",", result.failed());
        } catch (CallNotPermittedException e) {
            reason = "circuit-open";
        } catch (TimeoutException e) {
            reason = "timeout";
        } catch (GuardrailInterventionException e) {
            reason = "guardrail";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        } catch (Throwable e) {
            reason = "error:" + e.getClass().getSimpleName();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // no text of the model in the log: only the alert id and why
        log.info("alert {} {}: fallback to template ({})", context.alertId(), context.channel(), reason);
        return checked(template.compose(context), untrusted).withFallback(reason, millis);
    }

    private Composition attempt(AlertContext context) throws Exception {
        CompletableFuture<Composition> call = CompletableFuture.supplyAsync(() -> model.compose(context), executor);
        try {
            return call.get(attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private Composition checked(Composition composition, List<String> untrusted) {
        MessageValidator.Result result = validator.validate(composition, untrusted);
        if (!result.ok()) {
            // a reviewed template that fails a check is a bug, never something to send
            throw new IllegalStateException("template for " + composition.channel() + " fails " + result.failed());
        }
        return composition;
    }
}
