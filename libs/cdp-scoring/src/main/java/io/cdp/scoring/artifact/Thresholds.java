package io.cdp.scoring.artifact;

/**
 * Probability cut-offs for the three actions, from least to most severe: {@code review} queues the transaction
 * for an analyst, {@code alert} also notifies the customer, {@code decline} stops it. Chosen on validation data by
 * the trainer; {@code operatingPoint} says how, so whoever reads the registry knows what a cut-off promises.
 */
public record Thresholds(double review, double alert, double decline, String operatingPoint) {

    public Thresholds {
        if (!(0 <= review && review <= alert && alert <= decline && decline <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= review <= alert <= decline <= 1, were "
                    + review + ", " + alert + ", " + decline);
        }
    }

    public Decision decide(double probability) {
        if (probability >= decline) {
            return Decision.DECLINE;
        }
        if (probability >= alert) {
            return Decision.ALERT;
        }
        if (probability >= review) {
            return Decision.REVIEW;
        }
        return Decision.APPROVE;
    }

    public enum Decision {
        APPROVE,
        REVIEW,
        ALERT,
        DECLINE
    }
}
