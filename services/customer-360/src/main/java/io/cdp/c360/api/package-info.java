@NullMarked
package io.cdp.c360.api;

import org.jspecify.annotations.NullMarked;
