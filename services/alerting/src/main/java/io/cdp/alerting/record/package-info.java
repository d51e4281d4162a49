/**
 * The alert record: the delivery state machine (REQUESTED, COMPOSED, SENT, then CONFIRMED, DENIED or EXPIRED) and how
 * each message was composed, on the {@code alerts} item the stream-transformer claimed (docs/adr/0012).
 */
@NullMarked
package io.cdp.alerting.record;

import org.jspecify.annotations.NullMarked;
