/** Per-transaction signals from the IBM TabFormer credit-card format. */
@NullMarked
package io.cdp.features.tabformer;

import org.jspecify.annotations.NullMarked;
