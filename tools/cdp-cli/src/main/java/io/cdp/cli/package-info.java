/** The developer command line behind {@code ./cdp}: {@link io.cdp.cli.CdpCli} and its subcommands. */
@NullMarked
package io.cdp.cli;

import org.jspecify.annotations.NullMarked;
