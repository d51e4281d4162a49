/** Online features: per-card state and the item layout from libs/cdp-features ({@code io.cdp.features.online}), the per-customer window, their storage in the DynamoDB feature store and the in-process cache in front of it. */
@NullMarked
package io.cdp.transformer.features;

import org.jspecify.annotations.NullMarked;
