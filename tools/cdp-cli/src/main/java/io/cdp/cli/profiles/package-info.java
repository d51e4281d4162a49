/** {@code ./cdp bench profiles}: customer-360's reads, ingest rate and freshness. */
@NullMarked
package io.cdp.cli.profiles;

import org.jspecify.annotations.NullMarked;
