package io.cdp.console.lake;

import io.cdp.events.resources.CdpResources;
import io.cdp.lake.sql.LakeSql;
import io.cdp.lake.sql.QueryResult;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One {@link LakeSql} snapshot shared by every request, taken again when it is older than {@code refresh}: a snapshot
 * copies the lake's objects and scans two tables, too much for every page view, and a chart a minute old is fine.
 * Queries run one at a time on the shared connection.
 */
public final class LakeSnapshots implements AutoCloseable {

    private final S3Client s3;
    private final DynamoDbClient dynamo;
    private final CdpResources names;
    private final Duration refresh;
    private @Nullable LakeSql current;
    private Instant takenAt = Instant.EPOCH;

    public LakeSnapshots(S3Client s3, DynamoDbClient dynamo, CdpResources names, Duration refresh) {
        this.s3 = s3;
        this.dynamo = dynamo;
        this.names = names;
        this.refresh = refresh;
    }

    public synchronized QueryResult named(String name) {
        return fresh().named(name);
    }

    private LakeSql fresh() {
        Instant now = Instant.now();
        if (current == null || takenAt.plus(refresh).isBefore(now)) {
            LakeSql next = LakeSql.open(s3, dynamo, names);
            if (current != null) {
                current.close();
            }
            current = next;
            takenAt = now;
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
        }
    }
}
