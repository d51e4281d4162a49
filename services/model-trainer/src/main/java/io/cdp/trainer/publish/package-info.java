@NullMarked
package io.cdp.trainer.publish;

import org.jspecify.annotations.NullMarked;
