/**
 * Logs of every service in one format from one place: JSON lines (ECS) on the console unless {@code LOG_FORMAT} says
 * otherwise, so a log pipeline parses every container the same way.
 */
@NullMarked
package io.cdp.service.logging;

import org.jspecify.annotations.NullMarked;
