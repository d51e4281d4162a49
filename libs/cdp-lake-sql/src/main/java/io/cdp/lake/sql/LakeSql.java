package io.cdp.lake.sql;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.lake.LakeTables;
import io.cdp.lake.LakeTables.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lake as SQL tables in an in-process DuckDB (JDBC), with the Glue tables' names and columns ({@link LakeTables}).
 *
 * <p>DuckDB reads S3 only through its httpfs extension, which it downloads on first use; these machines reach no
 * extension repository. So the lake's Parquet objects are copied with the AWS SDK (the same clients and endpoint as
 * every service) into a temporary directory that mirrors the object keys, and each table is a view over
 * {@code read_parquet} of its prefix there, partitions from the key ({@code year=2019/}) as string columns as in Glue.
 * A table with no objects yet is an empty table of the same columns, so every query parses on an empty lake. The
 * snapshot is taken when the instance opens; {@link #close()} deletes it. Lake objects are small (a batch, a month).
 *
 * <p>Two operational tables come from DynamoDB, because what they hold is not in the lake:
 * {@code alerts} (alerting's delivery state per alert) and {@code customer_profiles} (customer-360's segment and
 * lifetime value per customer). In AWS, Athena reaches them through its DynamoDB connector or a table export; they are
 * not Glue tables.
 */
public final class LakeSql implements AutoCloseable {

    private final Connection connection;
    private final Path snapshot;

    private LakeSql(Connection connection, Path snapshot) {
        this.connection = connection;
        this.snapshot = snapshot;
    }

    /** A snapshot of the namespace's lake and operational tables, ready for queries. */
    public static LakeSql open(S3Client s3, DynamoDbClient dynamo, CdpResources names) {
        Path dir;
        try {
            dir = Files.createTempDirectory("cdp-lake-sql");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            delete(dir);
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
        LakeSql sql = new LakeSql(connection, dir);
        try {
            sql.setUp(s3, names.bucket(Bucket.LAKE), dynamo, names);
            return sql;
        } catch (SQLException | RuntimeException e) {
            sql.close(); // the connection and the snapshot directory
            throw e instanceof RuntimeException r ? r : new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
    }

    /** The JDBC connection, for callers that want prepared statements or metadata. */
    public Connection connection() {
        return connection;
    }

    public QueryResult query(String sql) {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            return QueryResult.of(rs);
        } catch (SQLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public QueryResult named(String name) {
        return query(NamedQueries.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("no named query '" + name + "'; known: "
                        + NamedQueries.ALL.stream()
                                .map(NamedQueries.NamedQuery::name)
                                .collect(Collectors.joining(", "))))
                .sql());
    }

    private void setUp(S3Client s3, String bucket, DynamoDbClient dynamo, CdpResources names) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // never reach for the network: an extension DuckDB lacks fails at once instead of hanging on a download
            st.execute("SET autoinstall_known_extensions = false");
            st.execute("SET TimeZone = 'UTC'");
            // Trino's name for the percentile, so the named queries run unchanged on Athena
            st.execute("CREATE MACRO approx_percentile(x, p) AS quantile_cont(x, p)");
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            throw new IllegalArgumentException("no lake bucket '" + bucket + "' in namespace '" + names.namespace()
                    + "': set CDP_RESOURCE_NAMESPACE to a namespace that has one (./cdp aws bootstrap creates it)");
        }
        for (LakeTables.Table table : LakeTables.ALL) {
            int objects = download(s3, bucket, table.prefix());
            createLakeTable(table, objects > 0);
        }
        loadAlerts(dynamo, names.table(Table.ALERTS));
        loadProfiles(dynamo, names.table(Table.PROFILES));
    }

    private int download(S3Client s3, String bucket, String prefix) {
        int count = 0;
        for (S3Object object :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            if (!object.key().endsWith(".parquet")) {
                continue;
            }
            Path target = snapshot.resolve(object.key()).normalize();
            if (!target.startsWith(snapshot)) {
                continue; // a key with ".." segments would land outside the snapshot
            }
            try {
                Files.createDirectories(target.getParent());
                Files.write(
                        target,
                        s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                                .asByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }
        return count;
    }

    private void createLakeTable(LakeTables.Table table, boolean hasObjects) throws SQLException {
        String ddl;
        if (hasObjects) {
            String glob = snapshot.resolve(table.prefix())
                    .resolve("**")
                    .resolve("*.parquet")
                    .toString();
            String hiveTypes =
                    table.partitions().stream().map(p -> "'" + p + "': VARCHAR").collect(Collectors.joining(", "));
            List<String> select = new ArrayList<>();
            for (Column c : table.columns()) {
                select.add("CAST(" + quote(c.source()) + " AS " + duckType(c.type()) + ") AS " + c.name());
            }
            for (String p : table.partitions()) {
                select.add("CAST(" + p + " AS VARCHAR) AS " + p);
            }
            ddl = "CREATE VIEW " + table.name() + " AS SELECT " + String.join(", ", select) + " FROM read_parquet("
                    + literal(glob) + ", hive_partitioning = true, union_by_name = true"
                    + (hiveTypes.isEmpty() ? "" : ", hive_types = {" + hiveTypes + "}") + ")";
        } else {
            List<String> columns = new ArrayList<>();
            table.columns().forEach(c -> columns.add(c.name() + " " + duckType(c.type())));
            table.partitions().forEach(p -> columns.add(p + " VARCHAR"));
            ddl = "CREATE TABLE " + table.name() + " (" + String.join(", ", columns) + ")";
        }
        try (Statement st = connection.createStatement()) {
            st.execute(ddl);
        }
    }

    private void loadAlerts(DynamoDbClient dynamo, String tableName) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE alerts (transaction_id VARCHAR, alert_id VARCHAR, customer_token VARCHAR,"
                    + " state VARCHAR, channels VARCHAR, fallback BOOLEAN, answer_channel VARCHAR,"
                    + " reason VARCHAR, updated_at TIMESTAMP, sms_text VARCHAR)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " CAST(CAST(? AS TIMESTAMPTZ) AS TIMESTAMP), ?)")) {
            for (Map<String, AttributeValue> item : scan(dynamo, tableName)) {
                // pointer items (ref#...) share the table; only items with a delivery state are alerts
                String state = string(item, "deliveryState");
                if (state == null) {
                    continue;
                }
                List<AttributeValue> compositions = item.containsKey("deliveryCompositions")
                        ? item.get("deliveryCompositions").l()
                        : List.of();
                insert.setString(1, string(item, "transactionId"));
                insert.setString(2, string(item, "deliveryAlertId"));
                insert.setString(3, string(item, "deliveryCustomerToken"));
                insert.setString(4, state);
                insert.setString(
                        5,
                        compositions.stream()
                                .map(c -> string(c.m(), "channel"))
                                .filter(java.util.Objects::nonNull)
                                .collect(Collectors.joining(",")));
                insert.setBoolean(6, compositions.stream().anyMatch(c -> c.m().containsKey("fallbackReason")));
                insert.setString(7, string(item, "deliveryAnswerChannel"));
                insert.setString(8, string(item, "deliveryReason"));
                insert.setString(9, string(item, "deliveryUpdatedAt"));
                // the SMS as composed (placeholders for the first name and the card's last four, filled in the
                // core zone): what the console shows as an example message
                insert.setString(
                        10,
                        compositions.stream()
                                .filter(c -> "SMS".equals(string(c.m(), "channel")))
                                .map(c -> string(c.m(), "text"))
                                .filter(java.util.Objects::nonNull)
                                .findFirst()
                                .orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void loadProfiles(DynamoDbClient dynamo, String tableName) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE customer_profiles (customer_token VARCHAR, segment VARCHAR, clv DOUBLE,"
                    + " risk DOUBLE, erased BOOLEAN)");
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO customer_profiles VALUES (?, ?, ?, ?, ?)")) {
            for (Map<String, AttributeValue> item : scan(dynamo, tableName)) {
                if (!"A#PROFILE".equals(string(item, "sk"))) {
                    continue; // cards, daily aggregates and dedup markers share the partition
                }
                insert.setString(1, string(item, "customerToken"));
                insert.setString(2, string(item, "seg"));
                insert.setObject(3, number(item, "clv"));
                insert.setObject(4, number(item, "risk"));
                insert.setBoolean(5, item.containsKey("erasedAt"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String tableName) {
        try {
            return dynamo.scanPaginator(b -> b.tableName(tableName)).items().stream()
                    .toList();
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            return List.of(); // a namespace without that service's table: an empty table, not an error
        }
    }

    private static @Nullable String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static @Nullable Double number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Double.valueOf(v.n());
    }

    static String duckType(String hiveType) {
        return switch (hiveType.toLowerCase(Locale.ROOT)) {
            case "string" -> "VARCHAR";
            case "bigint" -> "BIGINT";
            case "int" -> "INTEGER";
            case "double" -> "DOUBLE";
            case "float" -> "FLOAT";
            case "boolean" -> "BOOLEAN";
            case "timestamp" -> "TIMESTAMP";
            default -> throw new IllegalArgumentException("no DuckDB type for Hive type " + hiveType);
        };
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the in-memory database goes with the process anyway
        } finally {
            delete(snapshot);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
