/** Tokenization: deterministic keyed tokens (HMAC-SHA256) of identifiers, so the CDP zone can join without them. */
@NullMarked
package io.cdp.pii.token;

import org.jspecify.annotations.NullMarked;
