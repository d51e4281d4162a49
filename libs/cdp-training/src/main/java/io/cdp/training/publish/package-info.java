@NullMarked
package io.cdp.training.publish;

import org.jspecify.annotations.NullMarked;
