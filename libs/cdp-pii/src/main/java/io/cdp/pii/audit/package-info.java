/** The audit trail of PII access: every decrypt and every erasure, written to the core-zone audit table. */
@NullMarked
package io.cdp.pii.audit;

import org.jspecify.annotations.NullMarked;
