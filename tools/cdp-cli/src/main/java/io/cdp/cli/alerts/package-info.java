/** {@code ./cdp bench alerts}: the alerting service under a fixed alert rate with a slow Bedrock stand-in. */
@NullMarked
package io.cdp.cli.alerts;

import org.jspecify.annotations.NullMarked;
