@NullMarked
package io.cdp.core.config;

import org.jspecify.annotations.NullMarked;
