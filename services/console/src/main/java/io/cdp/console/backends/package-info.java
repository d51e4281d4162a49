/**
 * The other services, called with the user's own token: customer-360 (profile, unmask) and the scoring API (models);
 * and core-banking's audit trail of unmasking, read back for the user who unmasked.
 */
@NullMarked
package io.cdp.console.backends;

import org.jspecify.annotations.NullMarked;
