/**
 * The audited contact lookup for core-zone callers that write to customers (alerting): a customer token, and the card
 * a message is about, to first name, e-mail, phone and card last four, with one audit record per call.
 */
@NullMarked
package io.cdp.core.contact;

import org.jspecify.annotations.NullMarked;
