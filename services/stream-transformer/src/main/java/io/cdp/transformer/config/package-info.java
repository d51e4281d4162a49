/** Typed configuration of the transformer and the Spring wiring of its plain classes. */
@NullMarked
package io.cdp.transformer.config;

import org.jspecify.annotations.NullMarked;
