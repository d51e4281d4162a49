package io.cdp.events.codec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.cdp.events.Envelope;
import io.cdp.events.EventType;
import io.cdp.events.payload.EventPayload;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serializes, deserializes and validates envelopes against the JSON Schemas (the source of truth).
 * Producers encode through it, so an invalid event never reaches a stream; consumers decode through it,
 * so a malformed record becomes an {@link EventValidationException} that names the field or the type,
 * ready for a dead-letter record. Thread-safe; build one and share it.
 */
public final class EventCodec {

    static final String SCHEMA_ID_PREFIX = "https://schemas.cdp.io/events/";

    private final JsonMapper mapper;
    private final Schema envelopeSchema;
    private final Map<EventType, Schema> payloadSchemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                // the schema is the gate for unknown fields, not the mapper
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_ID_PREFIX, "classpath:schemas/"))
                        // 2020-12 treats "format" as an annotation by default; ids and timestamps must be checked
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
        this.envelopeSchema = registry.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + "envelope.v1.json"));
        for (EventType type : EventType.values()) {
            payloadSchemas.put(
                    type, registry.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + type.wireName() + ".json")));
        }
    }

    /** The JSON bytes of an envelope, validated first: an event that breaks its contract is never produced. */
    public byte[] encode(Envelope<?> envelope) {
        ObjectNode node = toTree(envelope);
        List<FieldError> errors = validate(node);
        if (!errors.isEmpty()) {
            throw new EventValidationException(errors);
        }
        return mapper.writeValueAsBytes(node);
    }

    /** Parses and validates one record; throws {@link EventValidationException} naming what is wrong. */
    public Envelope<?> decode(byte[] json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new EventValidationException(
                    List.of(new FieldError("$", "not valid JSON: " + e.getOriginalMessage())));
        }
        if (node == null || !node.isObject()) {
            throw new EventValidationException(
                    List.of(new FieldError("$", "expected a JSON object (an event envelope)")));
        }
        List<FieldError> errors = validate(node);
        if (!errors.isEmpty()) {
            throw new EventValidationException(errors);
        }
        return fromTree(node);
    }

    /** Decodes and checks that the event carries the expected payload type. */
    public <P extends EventPayload> Envelope<P> decode(byte[] json, Class<P> payloadType) {
        Envelope<?> envelope = decode(json);
        if (!payloadType.isInstance(envelope.payload())) {
            throw new EventValidationException(List.of(new FieldError(
                    "$.eventType",
                    "expected " + EventType.forPayloadType(payloadType).wireName() + " but was "
                            + envelope.eventType().wireName())));
        }
        @SuppressWarnings("unchecked")
        Envelope<P> typed = (Envelope<P>) envelope;
        return typed;
    }

    /** Every contract violation of a JSON envelope: envelope schema, known type, payload schema. */
    public List<FieldError> validate(JsonNode node) {
        List<FieldError> errors = new ArrayList<>(toFieldErrors(envelopeSchema.validate(node), "$"));
        JsonNode typeNode = node.get("eventType");
        if (typeNode != null && typeNode.isString()) {
            String wireName = typeNode.asString();
            var type = EventType.fromWireName(wireName);
            if (type.isEmpty()) {
                errors.add(new FieldError(
                        "$.eventType",
                        "unknown event type '" + wireName + "'; known types: "
                                + Arrays.stream(EventType.values())
                                        .map(EventType::wireName)
                                        .collect(Collectors.joining(", "))));
            } else if (node.get("payload") != null && node.get("payload").isObject()) {
                errors.addAll(toFieldErrors(payloadSchemas.get(type.get()).validate(node.get("payload")), "$.payload"));
            }
        }
        return errors;
    }

    /** Validates raw JSON text, e.g. a fixture or a dead-lettered record. */
    public List<FieldError> validate(String json) {
        try {
            return validate(mapper.readTree(json));
        } catch (JacksonException e) {
            return List.of(new FieldError("$", "not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /** The mapper the codec uses, configured for the contracts (ISO-8601 instants). */
    public JsonMapper mapper() {
        return mapper;
    }

    private ObjectNode toTree(Envelope<?> envelope) {
        ObjectNode node = mapper.createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("eventType", envelope.eventType().wireName());
        node.put("occurredAt", envelope.occurredAt().toString());
        node.put("producer", envelope.producer());
        node.put("partitionKey", envelope.partitionKey());
        if (envelope.traceparent() != null) {
            node.put("traceparent", envelope.traceparent());
        }
        node.set("payload", mapper.valueToTree(envelope.payload()));
        return node;
    }

    private Envelope<?> fromTree(JsonNode node) {
        EventType type =
                EventType.fromWireName(node.get("eventType").asString()).orElseThrow();
        try {
            EventPayload payload = mapper.treeToValue(node.get("payload"), type.payloadType());
            JsonNode trace = node.get("traceparent");
            return new Envelope<>(
                    UUID.fromString(node.get("eventId").asString()),
                    type,
                    Instant.parse(node.get("occurredAt").asString()),
                    node.get("producer").asString(),
                    node.get("partitionKey").asString(),
                    trace == null || trace.isNull() ? null : trace.asString(),
                    payload);
        } catch (JacksonException e) {
            // schema-valid but not mappable, e.g. a value a record's constructor refuses
            String field = e.getPath().isEmpty()
                    ? ""
                    : "."
                            + e.getPath().stream()
                                    .map(ref -> ref.getPropertyName() != null
                                            ? ref.getPropertyName()
                                            : "[" + ref.getIndex() + "]")
                                    .collect(Collectors.joining("."));
            throw new EventValidationException(List.of(new FieldError("$.payload" + field, rootMessage(e))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EventValidationException(List.of(new FieldError("$", e.getMessage())));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof IllegalArgumentException
                ? root.getMessage()
                : "cannot be read as " + e.getClass().getSimpleName();
    }

    private static List<FieldError> toFieldErrors(List<Error> errors, String root) {
        // one entry per field: a value can break several keywords at once (pattern and minLength)
        Map<String, String> byPath = new LinkedHashMap<>();
        for (Error error : errors) {
            StringBuilder path = new StringBuilder(root);
            var location = error.getInstanceLocation();
            for (int i = 0; i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
            }
            @Nullable String property = error.getProperty();
            if (property != null
                    && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
                path.append('.').append(property);
            }
            byPath.merge(path.toString(), describe(error), (a, b) -> a + "; " + b);
        }
        return byPath.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), e.getValue()))
                .toList();
    }

    /** The validator's message without the instance value, so PII in a bad field is never echoed. */
    private static String describe(Error error) {
        return switch (error.getKeyword()) {
            case "required" -> "required field is missing";
            case "additionalProperties" -> "field is not allowed by the contract";
            case "type" ->
                "wrong type: expected " + error.getSchemaNode().toString().replace("\"", "");
            case "pattern" ->
                "does not have the required shape (" + error.getSchemaNode().asString() + ")";
            case "enum" -> "must be one of " + error.getSchemaNode().toString();
            case "format" -> "is not a valid " + error.getSchemaNode().asString();
            default ->
                error.getKeyword() + " constraint violated: "
                        + error.getSchemaNode().toString();
        };
    }
}
