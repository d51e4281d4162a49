/** The Kinesis edge and the processing pipeline: envelopes in, poison records to the dead-letter queue, effects out. */
@NullMarked
package io.cdp.transformer.ingest;

import org.jspecify.annotations.NullMarked;
