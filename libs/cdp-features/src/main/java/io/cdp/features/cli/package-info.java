/** Command-line entry points registered in tools/cdp-commands.tsv. */
@NullMarked
package io.cdp.features.cli;

import org.jspecify.annotations.NullMarked;
