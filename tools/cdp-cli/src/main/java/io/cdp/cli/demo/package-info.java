/** The steps of {@code ./cdp demo} that act as the bank's customers and read back what the suite did. */
@NullMarked
package io.cdp.cli.demo;

import org.jspecify.annotations.NullMarked;
