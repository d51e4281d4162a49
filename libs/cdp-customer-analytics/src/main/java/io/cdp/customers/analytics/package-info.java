/**
 * Customer analytics: behaviour features from a customer's daily spend, segment assignment (RFM quintiles and
 * k-means++ clusters) and lifetime-value prediction. The models are fitted by the model-trainer and assigned online
 * by customer-360 from the 365 days of daily aggregates a profile keeps.
 */
@NullMarked
package io.cdp.customers.analytics;

import org.jspecify.annotations.NullMarked;
