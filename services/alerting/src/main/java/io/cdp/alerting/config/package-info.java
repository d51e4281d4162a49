/** Wiring: properties, AWS and HTTP clients, the composer chain, scope rules. */
@NullMarked
package io.cdp.alerting.config;

import org.jspecify.annotations.NullMarked;
