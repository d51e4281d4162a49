@NullMarked
package io.cdp.core.handbook;

import org.jspecify.annotations.NullMarked;
