/** The Fraud-Detection-Handbook feature family (customer spending, terminal risk with delay, weekend, night). */
@NullMarked
package io.cdp.features.handbook;

import org.jspecify.annotations.NullMarked;
