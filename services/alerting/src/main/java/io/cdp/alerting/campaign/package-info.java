/**
 * Campaign mode, the marketing half: a personalised message per customer of a segment who consented to marketing on
 * the channel, with a preview ({@code dryRun}), a rate limit, suppression for 7 days after a fraud alert, and the same
 * placeholder and validation rules as alerts.
 */
@NullMarked
package io.cdp.alerting.campaign;

import org.jspecify.annotations.NullMarked;
