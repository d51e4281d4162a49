@NullMarked
package io.cdp.trainer.dataset;

import org.jspecify.annotations.NullMarked;
