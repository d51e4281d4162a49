@NullMarked
package io.cdp.training.train;

import org.jspecify.annotations.NullMarked;
