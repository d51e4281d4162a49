/**
 * The Kinesis binder edge shared by the CDP's stream consumers: what every consumer group needs around its own
 * processing (names, KCL tables, lease fence, checkpoint, record extraction), so a fix lands in every service at once.
 */
@NullMarked
package io.cdp.kinesis.ingest;

import org.jspecify.annotations.NullMarked;
