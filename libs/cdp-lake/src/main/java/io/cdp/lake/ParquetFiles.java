package io.cdp.lake;

import blue.strategic.parquet.Dehydrator;
import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.HydratorSupplier;
import blue.strategic.parquet.ParquetReader;
import blue.strategic.parquet.ParquetWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.jspecify.annotations.Nullable;

/**
 * Parquet to and from bytes. parquet-floor reads and writes files only, so each call goes through a temporary file
 * that is always deleted; objects in the lake are small (a batch, a month), so bytes in memory are the simple way.
 */
public final class ParquetFiles {

    private ParquetFiles() {}

    public static <T> byte[] write(MessageType schema, Iterable<T> rows, Dehydrator<T> dehydrator) {
        return write(schema, rows, dehydrator, null);
    }

    /** As {@link #write(MessageType, Iterable, Dehydrator)}, with the temporary file in {@code tempDir} (null: the JVM's). */
    public static <T> byte[] write(
            MessageType schema, Iterable<T> rows, Dehydrator<T> dehydrator, @Nullable Path tempDir) {
        try {
            if (tempDir != null) {
                Files.createDirectories(tempDir);
            }
            Path file = tempDir == null
                    ? Files.createTempFile("cdp-lake-", ".parquet")
                    : Files.createTempFile(tempDir, "cdp-lake-", ".parquet");
            try {
                // parquet-floor creates the file itself; only the unique name is wanted from createTempFile
                Files.delete(file);
                try (ParquetWriter<T> writer = ParquetWriter.writeFile(schema, file.toFile(), dehydrator)) {
                    for (T row : rows) {
                        writer.write(row);
                    }
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Parquet", e);
        }
    }

    /**
     * Every row as column name to value (String, Long for INT64 and timestamps, Integer, Double, Boolean); a column
     * whose value is null is absent from the row.
     */
    public static List<Map<String, Object>> read(byte[] parquet) {
        try {
            File file = Files.createTempFile("cdp-lake-", ".parquet").toFile();
            try {
                Files.write(file.toPath(), parquet);
                Hydrator<Map<String, Object>, Map<String, Object>> hydrator = new Hydrator<>() {
                    @Override
                    public Map<String, Object> start() {
                        return new LinkedHashMap<>();
                    }

                    @Override
                    public Map<String, Object> add(Map<String, Object> row, String heading, Object value) {
                        row.put(heading, value);
                        return row;
                    }

                    @Override
                    public Map<String, Object> finish(Map<String, Object> row) {
                        return row;
                    }
                };
                try (var stream = ParquetReader.streamContent(file, HydratorSupplier.constantly(hydrator))) {
                    return stream.toList();
                }
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet", e);
        }
    }
}
