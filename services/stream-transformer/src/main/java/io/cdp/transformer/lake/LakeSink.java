package io.cdp.transformer.lake;

import java.util.List;

/** Where scored rows go; one call per processed batch of one shard, before the batch is checkpointed. */
public interface LakeSink {

    /** @param rows the batch's rows in sequence-number order */
    void write(String stream, String shardId, List<ScoredRow> rows);
}
