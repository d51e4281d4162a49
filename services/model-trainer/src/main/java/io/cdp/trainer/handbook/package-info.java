@NullMarked
package io.cdp.trainer.handbook;

import org.jspecify.annotations.NullMarked;
