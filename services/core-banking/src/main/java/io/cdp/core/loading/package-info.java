@NullMarked
package io.cdp.core.loading;

import org.jspecify.annotations.NullMarked;
