package io.cdp.transformer.ingest;

import java.util.List;

/**
 * Where records go that the transformer will not process, so that the shard moves on. It must not refuse a record
 * for what the record is (size, content): only an outage of its storage may make it fail, and then the caller waits.
 */
public interface QuarantineSink {

    void quarantine(String stream, String shardId, List<Poison> poison);
}
