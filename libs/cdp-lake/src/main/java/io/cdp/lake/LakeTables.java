package io.cdp.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The lake's SQL tables, written once: the Glue tables of the CDK app (deploy/cdk {@code KeysAndData}) and the DuckDB
 * views of libs/cdp-lake-sql are both made from this list, so a column has the same name and type in Athena and
 * locally. Names are lower case because Glue lower-cases them; {@link Column#source()} is the column's name in the
 * Parquet files (the stream transformer writes camelCase), which Athena matches case-insensitively and DuckDB reads
 * under an alias.
 */
public final class LakeTables {

    /**
     * One column.
     *
     * @param name the SQL name (Glue's, lower case)
     * @param type the Hive type Athena reads it as: string, bigint, int, double, float, boolean, timestamp
     * @param source the column's name in the Parquet files
     */
    public record Column(String name, String type, String source) {

        public Column {
            if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("Glue column names are lower case: " + name);
            }
        }

        static Column of(String name, String type) {
            return new Column(name, type, name);
        }
    }

    /**
     * One table over a prefix of the lake bucket.
     *
     * @param name the table name (Glue's and DuckDB's)
     * @param prefix the key prefix under which its Parquet objects live
     * @param columns the data columns
     * @param partitions the Hive-style partition keys in the object keys ({@code year=2019/}), all strings
     * @param description one line for the catalog
     */
    public record Table(String name, String prefix, List<Column> columns, List<String> partitions, String description) {

        public Table {
            columns = List.copyOf(columns);
            partitions = List.copyOf(partitions);
        }
    }

    /** core-banking's extraction of the history: the wire payload as columns, labels included. */
    public static final Table RAW_TRANSACTIONS = new Table(
            "raw_transactions",
            LakeLayout.RAW_TRANSACTIONS,
            fromSchema(RawTransactions.SCHEMA.getFields()),
            List.of("year", "month"),
            "core-banking's history export: tokens, masked merchant attributes, fraud labels");

    /**
     * The stream transformer's scored transactions (services/stream-transformer {@code lake/ParquetLakeSink}). Its
     * per-feature columns ({@code f_*}) are left out: they follow the model's feature list, not the catalog.
     */
    public static final Table SCORED_TRANSACTIONS = new Table(
            "scored_transactions",
            LakeLayout.SCORED,
            List.of(
                    new Column("transactionid", "string", "transactionId"),
                    new Column("cardtoken", "string", "cardToken"),
                    new Column("customertoken", "string", "customerToken"),
                    new Column("transactiontime", "timestamp", "transactionTime"),
                    Column.of("amount", "double"),
                    Column.of("currency", "string"),
                    new Column("merchantid", "string", "merchantId"),
                    Column.of("mcc", "int"),
                    Column.of("channel", "string"),
                    Column.of("score", "double"),
                    Column.of("decision", "string"),
                    Column.of("alert", "boolean"),
                    new Column("modelversion", "string", "modelVersion"),
                    new Column("scoredat", "timestamp", "scoredAt")),
            List.of("day"),
            "the live share as the stream transformer scored it: score, decision, alert, model version");

    public static final List<Table> ALL = List.of(RAW_TRANSACTIONS, SCORED_TRANSACTIONS);

    private LakeTables() {}

    public static Optional<Table> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<Column> fromSchema(List<Type> fields) {
        List<Column> columns = new ArrayList<>();
        for (Type field : fields) {
            columns.add(Column.of(field.getName(), hiveType(field)));
        }
        return columns;
    }

    /** The Hive type Athena reads a Parquet column as. */
    public static String hiveType(Type field) {
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        return switch (primitive.getPrimitiveTypeName()) {
            case BINARY -> "string";
            case INT64 ->
                logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? "timestamp" : "bigint";
            case INT32 -> "int";
            case DOUBLE -> "double";
            case FLOAT -> "float";
            case BOOLEAN -> "boolean";
            default -> throw new IllegalArgumentException("no Hive type for " + field);
        };
    }
}
