package io.cdp.scoring.registry;

import io.cdp.scoring.artifact.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads a model artifact from the {@code s3://bucket/key} URI its registry entry holds. */
public final class ArtifactStore {

    private final S3Client s3;

    public ArtifactStore(S3Client s3) {
        this.s3 = s3;
    }

    public ModelArtifact read(String s3Uri) {
        URI uri = URI.create(s3Uri);
        if (!"s3".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("not an s3://bucket/key artifact URI: " + s3Uri);
        }
        byte[] zip = s3.getObjectAsBytes(
                        b -> b.bucket(uri.getHost()).key(uri.getPath().substring(1)))
                .asByteArray();
        try {
            return ModelArtifact.fromZip(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("model artifact " + s3Uri + " is not readable", e);
        }
    }

    /** The artifact an entry points at. */
    public ModelArtifact read(ModelEntry entry) {
        return read(entry.artifactUri());
    }
}
