@NullMarked
package io.cdp.c360.profile;

import org.jspecify.annotations.NullMarked;
