package io.cdp.alerting.answers;

import io.cdp.alerting.record.AlertRecord;
import io.cdp.alerting.record.AlertState;
import io.cdp.alerting.record.AlertStore;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.FeedbackChannel;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.Verdict;
import io.cdp.events.pii.Token;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer to one alert: the label event first (its id is derived from the alert, so a retry after a failed record
 * update republishes the same event), then the record's conditional SENT to CONFIRMED/DENIED. A second, different
 * answer is refused: the first answer is the label.
 */
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    public enum Result {
        RECORDED,
        ALREADY_RECORDED,
        CONFLICT,
        NOT_ANSWERABLE
    }

    private final AlertStore store;
    private final FeedbackPublisher feedback;
    private final Clock clock;

    public AnswerService(AlertStore store, FeedbackPublisher feedback, Clock clock) {
        this.store = store;
        this.feedback = feedback;
        this.clock = clock;
    }

    public Result answer(AlertRecord alert, Answer answer, FeedbackChannel channel) {
        AlertState target = answer == Answer.YES ? AlertState.CONFIRMED : AlertState.DENIED;
        if (alert.state() == target) {
            return Result.ALREADY_RECORDED;
        }
        if (alert.state() != AlertState.SENT) {
            return alert.state() == AlertState.CONFIRMED || alert.state() == AlertState.DENIED
                    ? Result.CONFLICT
                    : Result.NOT_ANSWERABLE;
        }
        feedback.publish(new CustomerFeedbackReceivedV1(
                alert.alertId(),
                alert.transactionId(),
                new Token(alert.customerToken()),
                answer == Answer.YES ? Verdict.NOT_FRAUD : Verdict.CONFIRMED_FRAUD,
                channel,
                clock.instant()));
        AlertStore.AnswerOutcome outcome = store.answer(alert.transactionId(), target, channel.name());
        log.info("alert {}: answer {} by {} ({})", alert.alertId(), answer, channel, outcome);
        return switch (outcome) {
            case RECORDED -> Result.RECORDED;
            case ALREADY_RECORDED -> Result.ALREADY_RECORDED;
            case CONFLICT -> Result.CONFLICT;
        };
    }
}
