/** The right to erasure in the core zone: the customer's data key and their plaintext records, audited. */
@NullMarked
package io.cdp.core.erasure;

import org.jspecify.annotations.NullMarked;
