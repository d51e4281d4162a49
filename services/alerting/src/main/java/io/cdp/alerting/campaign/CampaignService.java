package io.cdp.alerting.campaign;

import io.cdp.alerting.compose.Composition;
import io.cdp.alerting.compose.MessageChannel;
import io.cdp.alerting.compose.MessageValidator;
import io.cdp.alerting.context.Contact;
import io.cdp.alerting.context.ContactDirectory;
import io.cdp.alerting.context.CustomerProfile;
import io.cdp.alerting.context.ProfileClient;
import io.cdp.alerting.delivery.Delivery;
import io.cdp.alerting.delivery.PlaceholderFiller;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one campaign: pages through the segment (customer-360), keeps the customers who consented to marketing on the
 * channel and had no fraud alert in the last 7 days, composes and validates one message each, then either previews
 * (dry run: texts with placeholders, no contact details fetched, nothing sent) or sends at most {@code ratePerSecond}.
 */
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    /** How long after a fraud alert no marketing reaches the customer. */
    public static final Duration SUPPRESSION = Duration.ofDays(7);

    public static final int MAX_PREVIEWS = 10;

    public record Request(String segment, String brief, MessageChannel channel, boolean dryRun, int maxMessages) {}

    public record Preview(
            String customerToken,
            MessageChannel channel,
            @Nullable String subject,
            String body) {}

    public record Result(
            String campaignId,
            String segment,
            boolean dryRun,
            int considered,
            int noConsent,
            int suppressedAfterFraudAlert,
            int eligible,
            int sent,
            int failed,
            List<Preview> previews) {}

    /** The brief failed validation: nothing was sent to anyone. */
    public static final class BriefRejectedException extends RuntimeException {
        private final List<String> failedChecks;

        BriefRejectedException(List<String> failedChecks) {
            super("the offer brief fails " + failedChecks);
            this.failedChecks = List.copyOf(failedChecks);
        }

        public List<String> failedChecks() {
            return failedChecks;
        }
    }

    private final ProfileClient profiles;
    private final ContactDirectory contacts;
    private final CampaignComposer composer;
    private final MessageValidator validator;
    private final Delivery delivery;
    private final double ratePerSecond;
    private final Clock clock;

    public CampaignService(
            ProfileClient profiles,
            ContactDirectory contacts,
            CampaignComposer composer,
            MessageValidator validator,
            Delivery delivery,
            double ratePerSecond,
            Clock clock) {
        this.profiles = profiles;
        this.contacts = contacts;
        this.composer = composer;
        this.validator = validator;
        this.delivery = delivery;
        this.ratePerSecond = ratePerSecond;
        this.clock = clock;
    }

    public Result run(Request request) {
        String campaignId = "cmp-" + UUID.randomUUID();
        int considered = 0, noConsent = 0, suppressed = 0, eligible = 0, sent = 0, failed = 0;
        List<Preview> previews = new ArrayList<>();
        long periodNanos = (long) (1_000_000_000L / ratePerSecond);
        long nextSend = System.nanoTime();
        String cursor = null;
        do {
            ProfileClient.Page page = profiles.segment(request.segment(), cursor);
            for (ProfileClient.Member member : page.items()) {
                if (eligible >= request.maxMessages()) {
                    break;
                }
                considered++;
                CustomerProfile p = member.profile();
                boolean consent = request.channel() == MessageChannel.SMS ? p.marketingSms() : p.marketingEmail();
                if (!consent || p.erased()) {
                    noConsent++;
                    continue;
                }
                if (p.lastFraudAlertAt() != null
                        && p.lastFraudAlertAt().isAfter(clock.instant().minus(SUPPRESSION))) {
                    suppressed++;
                    continue;
                }
                Composition c = composer.compose(request.channel(), p.segment(), request.brief());
                MessageValidator.Result checked = validator.validate(new MessageValidator.Candidate(
                        c.channel(), c.subject(), c.body(), List.of(), MessageValidator.Kind.CAMPAIGN));
                if (!checked.ok()) {
                    // the same brief for everyone: if it fails once it fails for all
                    throw new BriefRejectedException(checked.failed());
                }
                eligible++;
                if (request.dryRun()) {
                    if (previews.size() < MAX_PREVIEWS) {
                        previews.add(new Preview(member.customerToken(), c.channel(), c.subject(), c.body()));
                    }
                    continue;
                }
                long wait = nextSend - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                nextSend = Math.max(nextSend, System.nanoTime()) + periodNanos;
                try {
                    Contact contact = contacts.lookupForCampaign(member.customerToken(), campaignId);
                    String body = PlaceholderFiller.fill(c.body(), contact);
                    if (c.channel() == MessageChannel.SMS && contact.phone() != null) {
                        delivery.sms(contact.phone(), body);
                        sent++;
                    } else if (c.channel() == MessageChannel.EMAIL && contact.email() != null) {
                        delivery.email(contact.email(), c.subject(), body);
                        sent++;
                    } else {
                        failed++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.warn(
                            "campaign {}: one message not sent ({})",
                            campaignId,
                            e.getClass().getSimpleName());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && eligible < request.maxMessages());
        log.info(
                "campaign {} segment {}: {} considered, {} eligible, {} sent{}",
                campaignId,
                request.segment(),
                considered,
                eligible,
                sent,
                request.dryRun() ? " (dry run)" : "");
        return new Result(
                campaignId,
                request.segment(),
                request.dryRun(),
                considered,
                noConsent,
                suppressed,
                eligible,
                sent,
                failed,
                List.copyOf(previews));
    }
}
