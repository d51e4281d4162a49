@NullMarked
package io.cdp.core.bench;

import org.jspecify.annotations.NullMarked;
