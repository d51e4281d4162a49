@NullMarked
package io.cdp.c360.config;

import org.jspecify.annotations.NullMarked;
