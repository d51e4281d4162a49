@NullMarked
package io.cdp.trainer.options;

import org.jspecify.annotations.NullMarked;
