/**
 * The contracts of the CDP suite: the event envelope, its v1 payloads and the codec that validates both
 * against the JSON Schemas under {@code schemas/} on the classpath, which are the source of truth.
 */
@NullMarked
package io.cdp.events;

import org.jspecify.annotations.NullMarked;
