/** Entry point of the PII toolkit: {@link io.cdp.pii.PiiProtection} wires tokens, masking, encryption and erasure. */
@NullMarked
package io.cdp.pii;

import org.jspecify.annotations.NullMarked;
