@NullMarked
package io.cdp.training.dataset;

import org.jspecify.annotations.NullMarked;
