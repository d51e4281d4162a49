@NullMarked
package io.cdp.trainer.train;

import org.jspecify.annotations.NullMarked;
