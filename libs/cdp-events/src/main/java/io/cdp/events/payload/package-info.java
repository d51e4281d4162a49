@NullMarked
package io.cdp.events.payload;

import org.jspecify.annotations.NullMarked;
