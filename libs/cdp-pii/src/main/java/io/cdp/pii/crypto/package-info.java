/** Field encryption (AEAD under cached per-customer KMS data keys), crypto-shredding, key rotation and the core-zone decrypt path. */
@NullMarked
package io.cdp.pii.crypto;

import org.jspecify.annotations.NullMarked;
