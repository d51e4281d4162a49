@NullMarked
package io.cdp.trainer.cli;

import org.jspecify.annotations.NullMarked;
