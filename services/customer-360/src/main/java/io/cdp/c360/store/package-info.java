@NullMarked
package io.cdp.c360.store;

import org.jspecify.annotations.NullMarked;
