package io.cdp.lake.labels;

import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import java.time.Instant;

/**
 * One thing the bank learned about a scored transaction, at the moment it learned it.
 *
 * @param transactionId the transaction it is about (the scored row's id)
 * @param kind          what was learned
 * @param knownAt       when the bank knew it: a feedback event's {@code receivedAt}, a chargeback's report time
 * @param reference     where it came from (the alert id of a customer's answer, the chargeback's case id), for audit
 */
public record LabelEvidence(String transactionId, Kind kind, Instant knownAt, String reference) {

    public enum Kind {
        /** {@code customer.feedback.received.v1} with verdict {@code CONFIRMED_FRAUD}. */
        CONFIRMED_FRAUD,
        /** {@code customer.feedback.received.v1} with verdict {@code NOT_FRAUD}. */
        NOT_FRAUD,
        /**
         * A chargeback core banking recorded: the card holder disputed the transaction with the issuer. It comes days
         * or weeks after the transaction (its own delay) and outranks what a customer said to an alert.
         */
        CHARGEBACK;

        public boolean fraud() {
            return this != NOT_FRAUD;
        }
    }

    /** The evidence of a {@code customer.feedback.received.v1} verdict ({@code CONFIRMED_FRAUD} / {@code NOT_FRAUD}). */
    public static LabelEvidence feedback(String transactionId, String verdict, Instant receivedAt, String alertId) {
        return new LabelEvidence(transactionId, Kind.valueOf(verdict), receivedAt, alertId);
    }

    /** A {@code customer.feedback.received.v1} event as evidence (what the feedback consumer appends to the table). */
    public static LabelEvidence of(CustomerFeedbackReceivedV1 event) {
        return feedback(event.transactionId(), event.verdict().name(), event.receivedAt(), event.alertId());
    }

    public static LabelEvidence chargeback(String transactionId, Instant reportedAt, String caseId) {
        return new LabelEvidence(transactionId, Kind.CHARGEBACK, reportedAt, caseId);
    }
}
