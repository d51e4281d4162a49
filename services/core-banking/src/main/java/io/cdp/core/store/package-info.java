@NullMarked
package io.cdp.core.store;

import org.jspecify.annotations.NullMarked;
