@NullMarked
package io.cdp.trainer.tabformer;

import org.jspecify.annotations.NullMarked;
