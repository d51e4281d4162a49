@NullMarked
package io.cdp.cli.trainer;

import org.jspecify.annotations.NullMarked;
