/**
 * The lake (bucket {@code cdp-lake}): its layout ({@link io.cdp.lake.LakeLayout}), Parquet files to and from bytes
 * ({@link io.cdp.lake.ParquetFiles}) and the raw transactions table ({@link io.cdp.lake.RawTransactions}). Only
 * tokens, masked values, non-personal attributes and ciphertext are ever written here.
 */
@NullMarked
package io.cdp.lake;

import org.jspecify.annotations.NullMarked;
