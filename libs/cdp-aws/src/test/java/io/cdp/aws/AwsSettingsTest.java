package io.cdp.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {

    @Test
    void endpointSwitchMakesEverythingLocalWithDummyCredentials() {
        AwsSettings settings = AwsSettings.from(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")::get);

        assertThat(settings.isLocal()).isTrue();
        assertThat(settings.endpointFor("kinesis")).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(settings.region()).isEqualTo(AwsSettings.LOCAL_REGION);
        assertThat(settings.credentials().resolveCredentials().accessKeyId()).isEqualTo("testing");
    }

    @Test
    void serviceSpecificEndpointWinsForThatServiceOnly() {
        AwsSettings settings = AwsSettings.from(Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_KINESIS", "http://127.0.0.1:4567",
                "AWS_REGION", "eu-west-1")::get);

        assertThat(settings.endpointFor("kinesis")).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(settings.endpointFor("sqs")).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void withoutEndpointNothingIsOverridden() {
        AwsSettings settings = AwsSettings.from(Map.of("AWS_REGION", "eu-central-1")::get);

        assertThat(settings.isLocal()).isFalse();
        assertThat(settings.endpointFor("dynamodb")).isEmpty();
        assertThat(settings.region()).isEqualTo(Region.EU_CENTRAL_1);
    }
}
