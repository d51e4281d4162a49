@NullMarked
package io.cdp.c360.models;

import org.jspecify.annotations.NullMarked;
