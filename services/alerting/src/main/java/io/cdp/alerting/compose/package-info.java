/**
 * Writing the alert: the reviewed templates (local default and fallback), Claude on Bedrock through the Converse API,
 * the resilience around it and the output validation every message passes before anything is sent. Texts here hold
 * placeholders ({@code {{FIRST_NAME}}}, {@code {{CARD_LAST4}}}), never personal data.
 */
@NullMarked
package io.cdp.alerting.compose;

import org.jspecify.annotations.NullMarked;
