@NullMarked
package io.cdp.core.admin;

import org.jspecify.annotations.NullMarked;
