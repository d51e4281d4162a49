@NullMarked
package io.cdp.core.tabformer;

import org.jspecify.annotations.NullMarked;
