@NullMarked
package io.cdp.cli.corebanking;

import org.jspecify.annotations.NullMarked;
