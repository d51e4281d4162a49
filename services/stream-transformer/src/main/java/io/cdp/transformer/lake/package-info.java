/** The scored/ prefix of the data lake: Parquet objects partitioned by day, named so that a replay overwrites instead of duplicating. */
@NullMarked
package io.cdp.transformer.lake;

import org.jspecify.annotations.NullMarked;
