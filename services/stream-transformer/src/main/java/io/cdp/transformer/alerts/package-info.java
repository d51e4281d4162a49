/** Alert requests to the alerting service, at most once per transaction through a conditional write on the alerts table. */
@NullMarked
package io.cdp.transformer.alerts;

import org.jspecify.annotations.NullMarked;
