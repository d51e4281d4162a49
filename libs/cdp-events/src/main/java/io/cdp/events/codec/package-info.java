@NullMarked
package io.cdp.events.codec;

import org.jspecify.annotations.NullMarked;
