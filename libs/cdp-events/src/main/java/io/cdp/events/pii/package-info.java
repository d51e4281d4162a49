@NullMarked
package io.cdp.events.pii;

import org.jspecify.annotations.NullMarked;
