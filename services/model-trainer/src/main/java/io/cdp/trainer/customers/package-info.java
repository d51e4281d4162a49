/** The customer models (segments and lifetime value) trained on the lake's card transactions and registered. */
@NullMarked
package io.cdp.trainer.customers;

import org.jspecify.annotations.NullMarked;
