package io.cdp.training.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the {@code model.tar.gz} that SageMaker's built-in XGBoost container serves: a gzipped tar holding one
 * file, {@code xgboost-model}, with XGBoost's binary (UBJSON) model. The container sniffs the format from the
 * bytes, not the name. Models written by XGBoost 3 store base_score as a vector, which only containers with
 * XGBoost >= 3.0 read: deploy this with a 3.x image.
 *
 * <p>The tar is written by hand (POSIX ustar, one regular file) because that is all SageMaker needs and it keeps
 * an archive library out of the job.
 */
public final class SageMakerPackage {

    public static final String ENTRY_NAME = "xgboost-model";
    private static final int BLOCK = 512;

    private SageMakerPackage() {}

    public static byte[] modelTarGz(byte[] xgboostBinaryModel, long modifiedEpochSeconds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(xgboostBinaryModel.length / 2 + 1024);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(header(ENTRY_NAME, xgboostBinaryModel.length, modifiedEpochSeconds));
            gzip.write(xgboostBinaryModel);
            int pad = (BLOCK - xgboostBinaryModel.length % BLOCK) % BLOCK;
            gzip.write(new byte[pad]);
            // end of archive: two zero blocks
            gzip.write(new byte[2 * BLOCK]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, long size, long mtime) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name.getBytes(StandardCharsets.US_ASCII));
        put(h, 100, 8, octal(0644, 7));
        put(h, 108, 8, octal(0, 7));
        put(h, 116, 8, octal(0, 7));
        put(h, 124, 12, octal(size, 11));
        put(h, 136, 12, octal(mtime, 11));
        // checksum is computed with its own field read as spaces
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = '0';
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, (String.format("%06o", sum) + "\0 ").getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    private static byte[] octal(long value, int digits) {
        return (String.format("%0" + digits + "o", value) + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static void put(byte[] target, int offset, int length, byte[] value) {
        if (value.length > length) {
            throw new IllegalArgumentException("tar header field too long");
        }
        System.arraycopy(value, 0, target, offset, value.length);
    }

    /** Writes the archive to a stream (for a local copy beside the artifact). */
    public static void write(OutputStream out, byte[] xgboostBinaryModel, long modifiedEpochSeconds)
            throws IOException {
        out.write(modelTarGz(xgboostBinaryModel, modifiedEpochSeconds));
    }
}
