/**
 * SQL over the lake, locally: {@link io.cdp.lake.sql.LakeSql} (DuckDB views named and typed as the Glue tables),
 * {@link io.cdp.lake.sql.NamedQueries} (what analysts ask every morning) and {@link io.cdp.lake.sql.QueryResult} (a
 * result as rows and as a text table).
 */
@NullMarked
package io.cdp.lake.sql;

import org.jspecify.annotations.NullMarked;
