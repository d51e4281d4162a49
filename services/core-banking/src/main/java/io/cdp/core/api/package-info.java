@NullMarked
package io.cdp.core.api;

import org.jspecify.annotations.NullMarked;
