/** The alert pipeline: fraud.alert.requested.v1 from SQS, claimed once, composed, validated, filled, sent, recorded. */
@NullMarked
package io.cdp.alerting.request;

import org.jspecify.annotations.NullMarked;
