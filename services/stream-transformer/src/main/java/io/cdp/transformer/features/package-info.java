/** Online features: per-card and per-customer state from libs/cdp-features, its storage in the DynamoDB feature store and the in-process cache in front of it. */
@NullMarked
package io.cdp.transformer.features;

import org.jspecify.annotations.NullMarked;
