package io.cdp.transformer.lake;

import io.cdp.lake.LakeLayout;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a batch's rows become lake objects, and why that makes replays harmless.
 *
 * <p>A batch is written before it is checkpointed, so only the last batch of a shard can be replayed, and its replay
 * starts at the same sequence number. Each object holds one day's rows of one batch and is named after the first
 * sequence number among them: {@code scored/day=<day>/<stream>/<shard>-<firstSequence>.parquet}. In the replay, the
 * first row of each day at or after the checkpoint is the same record, so every object the crashed run wrote is
 * overwritten by one of the replay, and rows it held beyond the replay's batch land in later objects: each
 * transaction ends up in exactly one object. No listing, no marker table, no second write per row. This needs one
 * worker per shard at a time: a worker that has lost the shard's lease writes nothing more
 * ({@code KinesisBatches.holdsLease}, libs/cdp-kinesis-ingest).
 */
public final class LakeObjects {

    public static final String PREFIX = LakeLayout.SCORED;

    private LakeObjects() {}

    public record Planned(String key, LocalDate day, List<ScoredRow> rows) {}

    public static List<Planned> plan(String stream, String shardId, List<ScoredRow> rows) {
        Map<LocalDate, List<ScoredRow>> byDay = new LinkedHashMap<>();
        for (ScoredRow row : rows) {
            byDay.computeIfAbsent(LocalDate.ofInstant(row.transactionTime(), ZoneOffset.UTC), d -> new ArrayList<>())
                    .add(row);
        }
        List<Planned> out = new ArrayList<>();
        byDay.forEach((day, dayRows) -> out.add(new Planned(
                PREFIX + "day=" + day + "/" + stream + "/" + shardId + "-"
                        + dayRows.getFirst().sequenceNumber() + ".parquet",
                day,
                dayRows)));
        return out;
    }
}
