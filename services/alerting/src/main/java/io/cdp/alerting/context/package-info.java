/**
 * What an alert needs besides the request: the customer's masked profile from customer-360 (segment, language,
 * consents) and, from core-banking's audited path, the contact details and the values of the placeholders.
 */
@NullMarked
package io.cdp.alerting.context;

import org.jspecify.annotations.NullMarked;
