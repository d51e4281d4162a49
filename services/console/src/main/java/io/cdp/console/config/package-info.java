/** Properties and the scope each console endpoint needs. */
@NullMarked
package io.cdp.console.config;

import org.jspecify.annotations.NullMarked;
