@NullMarked
package io.cdp.trainer.job;

import org.jspecify.annotations.NullMarked;
