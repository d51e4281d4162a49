@NullMarked
package io.cdp.events.resources;

import org.jspecify.annotations.NullMarked;
