package io.cdp.training.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SageMakerPackageTest {

    /** The parts of a ustar archive SageMaker's extraction relies on, read back independently of the writer. */
    record Entry(String name, byte[] content, boolean checksumValid, int totalBlocks) {}

    static Entry readSingleEntry(byte[] tarGz) throws IOException {
        byte[] tar;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
            tar = in.readAllBytes();
        }
        byte[] header = Arrays.copyOf(tar, 512);
        String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
        long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
        long stored = Long.parseLong(new String(header, 148, 6, StandardCharsets.US_ASCII).trim(), 8);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
        }
        byte[] content = Arrays.copyOfRange(tar, 512, 512 + (int) size);
        return new Entry(name, content, sum == stored && header[156] == '0', tar.length / 512);
    }

    @Test
    void packsTheModelAsASingleXgboostModelEntryInAValidTarGz() throws IOException {
        byte[] model = new byte[1300];
        for (int i = 0; i < model.length; i++) {
            model[i] = (byte) (i * 31);
        }
        Entry entry = readSingleEntry(SageMakerPackage.modelTarGz(model, 1_700_000_000L));
        assertThat(entry.name()).isEqualTo("xgboost-model");
        assertThat(entry.content()).isEqualTo(model);
        assertThat(entry.checksumValid()).isTrue();
        // header + 3 data blocks (1300 bytes padded) + 2 end-of-archive blocks
        assertThat(entry.totalBlocks()).isEqualTo(1 + 3 + 2);
    }
}
