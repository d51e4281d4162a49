/**
 * The customer's answer to an alert, from a two-way SMS reply or the bank's app: recorded on the alert (CONFIRMED when
 * the customer made the payment, DENIED when not) and published as customer.feedback.received.v1, the training label.
 */
@NullMarked
package io.cdp.alerting.answers;

import org.jspecify.annotations.NullMarked;
