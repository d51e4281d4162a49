package io.cdp.scoring.artifact;

import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.scoring.model.XgboostModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model artifact: XGBoost's JSON model ({@value #MODEL_FILE}) and its {@value #METADATA_FILE}, stored as a
 * directory or as a zip with the same two entries. The JSON model (not XGBoost's binary) is the serving format
 * because the in-process evaluator reads it without native code.
 */
public record ModelArtifact(ArtifactMetadata metadata, byte[] modelJson) {

    public static final String MODEL_FILE = "model.json";
    public static final String METADATA_FILE = "metadata.json";

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public ModelArtifact {
        modelJson = modelJson.clone();
    }

    @Override
    public byte[] modelJson() {
        return modelJson.clone();
    }

    /** Parses the model and checks that it agrees with the metadata on the number of features. */
    public XgboostModel model() {
        XgboostModel model = XgboostJsonParser.parse(modelJson);
        int expected = metadata.featureNames().size();
        if (model.ensemble().featureCount() != expected) {
            throw new IllegalStateException(
                    "model has " + model.ensemble().featureCount() + " features, metadata names " + expected);
        }
        return model;
    }

    public byte[] metadataJson() {
        return MAPPER.writeValueAsBytes(metadata);
    }

    public void writeDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(MODEL_FILE), modelJson);
        Files.write(dir.resolve(METADATA_FILE), metadataJson());
    }

    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(METADATA_FILE));
            zip.write(metadataJson());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(MODEL_FILE));
            zip.write(modelJson);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a directory or a zip file. */
    public static ModelArtifact read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return of(Files.readAllBytes(path.resolve(METADATA_FILE)), Files.readAllBytes(path.resolve(MODEL_FILE)));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return fromZip(in.readAllBytes());
        }
    }

    public static ModelArtifact fromZip(byte[] zipBytes) throws IOException {
        byte[] metadata = null;
        byte[] model = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                switch (e.getName()) {
                    case METADATA_FILE -> metadata = zip.readAllBytes();
                    case MODEL_FILE -> model = zip.readAllBytes();
                    default -> {
                        // other entries (a README, a report) are allowed and ignored
                    }
                }
            }
        }
        if (metadata == null || model == null) {
            throw new IOException("artifact zip needs " + METADATA_FILE + " and " + MODEL_FILE);
        }
        return of(metadata, model);
    }

    public static ModelArtifact of(byte[] metadataJson, byte[] modelJson) {
        return new ModelArtifact(MAPPER.readValue(metadataJson, ArtifactMetadata.class), modelJson);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelArtifact other
                && metadata.equals(other.metadata)
                && Arrays.equals(modelJson, other.modelJson);
    }

    @Override
    public int hashCode() {
        return 31 * metadata.hashCode() + Arrays.hashCode(modelJson);
    }

    @Override
    public String toString() {
        return "ModelArtifact[" + metadata.modelName() + " " + metadata.modelVersion() + ", " + modelJson.length
                + " bytes of model]";
    }
}
