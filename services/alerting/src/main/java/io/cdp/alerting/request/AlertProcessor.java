package io.cdp.alerting.request;

import io.cdp.alerting.compose.AlertContext;
import io.cdp.alerting.compose.Composer;
import io.cdp.alerting.compose.Composition;
import io.cdp.alerting.compose.MessageChannel;
import io.cdp.alerting.context.Contact;
import io.cdp.alerting.context.ContactDirectory;
import io.cdp.alerting.context.CustomerProfile;
import io.cdp.alerting.context.ProfileClient;
import io.cdp.alerting.delivery.Delivery;
import io.cdp.alerting.delivery.DispatchEvents;
import io.cdp.alerting.delivery.PlaceholderFiller;
import io.cdp.alerting.record.AlertStore;
import io.cdp.events.payload.AlertDispatchedV1;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One alert request, end to end. Claimed first (a duplicate or redelivered request ends here), then the channels the
 * customer consented to and has contact details for, one composition per channel (concurrently, on virtual threads),
 * placeholders filled only after validation, each message handed to SES or SNS, the record SENT.
 *
 * <p>Plaintext (the contact) lives in this method's frame only: the log lines name the alert id, channels and composer.
 */
public final class AlertProcessor {

    private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

    public enum Outcome {
        SENT,
        DUPLICATE,
        EXPIRED
    }

    /** Another consumer holds the alert's lease; the request comes back later. */
    public static final class AlertInProgressException extends RuntimeException {
        AlertInProgressException(String alertId) {
            super("alert " + alertId + " is being sent by another consumer");
        }
    }

    private final AlertStore store;
    private final ProfileClient profiles;
    private final ContactDirectory contacts;
    private final Composer composer;
    private final Delivery delivery;
    private final DispatchEvents dispatched;
    private final ExecutorService executor;
    private final Clock clock;
    private final Timer handoff;
    private final MeterRegistry meters;

    public AlertProcessor(
            AlertStore store,
            ProfileClient profiles,
            ContactDirectory contacts,
            Composer composer,
            Delivery delivery,
            DispatchEvents dispatched,
            ExecutorService executor,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.profiles = profiles;
        this.contacts = contacts;
        this.composer = composer;
        this.delivery = delivery;
        this.dispatched = dispatched;
        this.executor = executor;
        this.clock = clock;
        this.meters = meters;
        this.handoff = Timer.builder("cdp.alerts.handoff")
                .description("alert requested to message handed to SES/SNS")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    public Outcome process(FraudAlertRequestedV1 request) throws Exception {
        String txId = request.transactionId();
        switch (store.claim(request.alertId(), txId, request.customerToken().value())) {
            case DONE -> {
                log.info("alert {}: already handled, duplicate request ignored", request.alertId());
                return Outcome.DUPLICATE;
            }
            case IN_PROGRESS -> {
                // not acknowledged: back after the visibility timeout, DONE by then or free to take over
                throw new AlertInProgressException(request.alertId());
            }
            case CLAIMED -> {}
        }
        try {
            return deliver(request);
        } catch (Exception | Error e) {
            store.release(txId);
            throw e;
        }
    }

    private Outcome deliver(FraudAlertRequestedV1 request) throws Exception {
        String txId = request.transactionId();
        CustomerProfile profile = profiles.find(request.customerToken().value());
        if (profile.erased()) {
            store.expired(request.alertId(), txId, "customer-erased");
            return Outcome.EXPIRED;
        }
        Contact contact;
        try {
            contact = contacts.lookup(
                    request.customerToken().value(), request.cardToken().value(), request.alertId());
        } catch (ContactDirectory.ContactUnavailableException e) {
            store.expired(request.alertId(), txId, "contact-unavailable");
            return Outcome.EXPIRED;
        }
        List<MessageChannel> channels = new ArrayList<>();
        if (profile.fraudAlertsSms() && contact.phone() != null) channels.add(MessageChannel.SMS);
        if (profile.fraudAlertsEmail() && contact.email() != null) channels.add(MessageChannel.EMAIL);
        if (channels.isEmpty()) {
            store.expired(request.alertId(), txId, "no-consented-channel");
            return Outcome.EXPIRED;
        }
        List<Future<Composition>> pending = new ArrayList<>();
        for (MessageChannel channel : channels) {
            AlertContext context = context(request, channel, profile);
            pending.add(executor.submit(() -> composer.compose(context)));
        }
        List<Composition> compositions = new ArrayList<>();
        for (Future<Composition> f : pending) {
            compositions.add(f.get());
        }
        store.composed(txId, compositions);
        Map<String, String> messageIds = new LinkedHashMap<>();
        List<AlertDispatchedV1> events = new ArrayList<>();
        for (Composition c : compositions) {
            String body = PlaceholderFiller.fill(c.body(), contact);
            String id = c.channel() == MessageChannel.SMS
                    ? delivery.sms(contact.phone(), body)
                    : delivery.email(contact.email(), PlaceholderFiller.fill(c.subject(), contact), body);
            messageIds.put(c.channel().name(), id);
            events.add(DispatchEvents.sent(request.alertId(), txId, request.customerToken(), c, id, clock.instant()));
            meters.counter(
                            "cdp.alerts.composed",
                            "channel",
                            c.channel().name(),
                            "composer",
                            c.composer(),
                            "fallback",
                            String.valueOf(c.fallbackReason() != null))
                    .increment();
            meters.summary("cdp.alerts.tokens.in").record(c.tokensIn());
        }
        handoff.record(Duration.between(request.requestedAt(), clock.instant()));
        markSent(request.alertId(), txId, messageIds);
        publishDispatched(request.alertId(), events);
        log.info(
                "alert {}: sent by {} ({})",
                request.alertId(),
                messageIds.keySet(),
                compositions.stream()
                        .map(c -> c.composer() + (c.fallbackReason() == null ? "" : " fallback " + c.fallbackReason()))
                        .toList());
        return Outcome.SENT;
    }

    /**
     * After SENT is recorded (so a redelivered request finds the alert done and never sends again, nor publishes
     * again). A failure to publish does not fail the alert, whose messages are out: it is logged and counted, and the
     * alert record still says SENT with each provider message id.
     */
    private void publishDispatched(String alertId, List<AlertDispatchedV1> events) {
        try {
            dispatched.publish(events);
        } catch (RuntimeException e) {
            meters.counter("cdp.alerts.dispatched.unpublished").increment(events.size());
            log.warn(
                    "alert {}: {} alert.dispatched event(s) not published ({})",
                    alertId,
                    events.size(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * The messages are out: recording SENT is retried here (a few attempts with backoff) rather than by redelivering
     * the request, which would send them again.
     */
    private void markSent(String alertId, String txId, Map<String, String> messageIds) throws InterruptedException {
        long wait = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                store.sent(alertId, txId, messageIds);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 4) {
                    throw e;
                }
                Thread.sleep(wait);
                wait *= 2;
            }
        }
    }

    private static AlertContext context(FraudAlertRequestedV1 r, MessageChannel channel, CustomerProfile profile) {
        return new AlertContext(
                r.alertId(),
                channel,
                r.amount(),
                r.currency(),
                r.mcc(),
                r.merchantCity(),
                r.transactionTime(),
                "card",
                profile.preferredLanguage(),
                profile.segment());
    }
}
