package io.cdp.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schemas are the source of truth: every payload record must have exactly the schema's fields. */
class SchemaRecordAgreementTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadRecordHasExactlyTheSchemaProperties(EventType type) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in)
                    .as("schema %s on the classpath", type.schemaResource())
                    .isNotNull();
            schema = JsonMapper.builder().build().readTree(in);
        }
        Set<String> schemaFields = new HashSet<>(schema.get("properties").propertyNames());
        Set<String> recordFields =
                new HashSet<>(Arrays.stream(type.payloadType().getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());

        assertThat(recordFields).isEqualTo(schemaFields);
        assertThat(schema.get("title").asString()).isEqualTo(type.wireName());
        assertThat(schema.get("additionalProperties").asBoolean())
                .as("closed to unknown (possibly PII) fields")
                .isFalse();
    }
}
