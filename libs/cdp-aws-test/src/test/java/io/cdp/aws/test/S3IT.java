package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

@AwsEmulatorTest
class S3IT {

    private final S3Client s3;
    private final String bucket;

    S3IT(AwsClients clients, CdpResources names) {
        this.s3 = clients.s3();
        this.bucket = names.bucket(Bucket.LAKE);
    }

    @Test
    void putGetAndListByPartitionPrefix() {
        s3.putObject(
                b -> b.bucket(bucket).key("raw/transactions/year=2019/month=01/part-0.parquet"),
                RequestBody.fromString("a"));
        s3.putObject(
                b -> b.bucket(bucket).key("raw/transactions/year=2019/month=02/part-0.parquet"),
                RequestBody.fromString("bb"));
        s3.putObject(b -> b.bucket(bucket).key("scored/day=2019-01-01/part-0.parquet"), RequestBody.fromString("ccc"));

        var january = s3.listObjectsV2(b -> b.bucket(bucket).prefix("raw/transactions/year=2019/month=01/"))
                .contents();
        var raw = s3.listObjectsV2(b -> b.bucket(bucket).prefix("raw/")).contents();

        assertThat(january)
                .extracting(S3Object::key)
                .containsExactly("raw/transactions/year=2019/month=01/part-0.parquet");
        assertThat(raw).hasSize(2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("raw/transactions/year=2019/month=02/part-0.parquet"))
                        .asUtf8String())
                .isEqualTo("bb");
    }
}
