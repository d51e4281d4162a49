@NullMarked
package io.cdp.core;

import org.jspecify.annotations.NullMarked;
