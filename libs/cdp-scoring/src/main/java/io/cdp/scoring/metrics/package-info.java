@NullMarked
package io.cdp.scoring.metrics;

import org.jspecify.annotations.NullMarked;
