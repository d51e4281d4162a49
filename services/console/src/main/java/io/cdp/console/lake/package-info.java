/** Alert outcomes and the charts' data: the named queries of libs/cdp-lake-sql over a snapshot refreshed on demand. */
@NullMarked
package io.cdp.console.lake;

import org.jspecify.annotations.NullMarked;
