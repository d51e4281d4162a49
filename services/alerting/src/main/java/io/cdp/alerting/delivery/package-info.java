/** Filling the placeholders after validation and handing the message to SES (e-mail) or SNS (SMS). */
@NullMarked
package io.cdp.alerting.delivery;

import org.jspecify.annotations.NullMarked;
