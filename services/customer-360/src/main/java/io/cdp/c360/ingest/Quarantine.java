package io.cdp.c360.ingest;

import io.cdp.kinesis.ingest.RawRecord;

/**
 * Where a record goes that will not be applied (cannot be decoded, or keeps failing alone), so its shard moves on. It
 * must not refuse a record for its content; only an outage makes it fail, and then the caller waits.
 */
@FunctionalInterface
public interface Quarantine {

    void quarantine(String stream, String shard, RawRecord record, String reason, String detail);
}
