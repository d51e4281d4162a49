@NullMarked
package io.cdp.core.extraction;

import org.jspecify.annotations.NullMarked;
