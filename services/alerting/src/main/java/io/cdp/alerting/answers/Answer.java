package io.cdp.alerting.answers;

/** YES: the customer made the payment (not fraud). NO: they did not (fraud). */
public enum Answer {
    YES,
    NO
}
