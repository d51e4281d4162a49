@NullMarked
package io.cdp.training.synthetic;

import org.jspecify.annotations.NullMarked;
