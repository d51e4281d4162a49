@NullMarked
package io.cdp.trainer.eval;

import org.jspecify.annotations.NullMarked;
