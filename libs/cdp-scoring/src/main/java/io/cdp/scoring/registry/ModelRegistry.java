package io.cdp.scoring.registry;

import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.Thresholds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The models registry of one model family: registration (by the trainer), promotion (by the scoring API or
 * {@code ./cdp promote}) and the one rule every scorer follows to find the version that serves ({@link #serving()}).
 */
public final class ModelRegistry {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String modelName;

    public ModelRegistry(DynamoDbClient dynamoDb, String table, String modelName) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.modelName = modelName;
    }

    public String modelName() {
        return modelName;
    }

    /** Every version of the model, newest first. */
    public List<ModelEntry> list() {
        @Nullable Map<String, AttributeValue> startKey = null;
        List<ModelEntry> entries = new ArrayList<>();
        do {
            var response = dynamoDb.query(QueryRequest.builder()
                    .tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("modelName = :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(modelName)))
                    .exclusiveStartKey(startKey)
                    .build());
            response.items().forEach(item -> entries.add(entry(item)));
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        entries.sort(Comparator.comparing(ModelEntry::createdAt).reversed());
        return entries;
    }

    public Optional<ModelEntry> get(String version) {
        var response = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .key(key(version))
                .build());
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(entry(response.item()))
                : Optional.empty();
    }

    /**
     * The version that serves: the LIVE version promoted last. A promotion in progress may briefly leave two LIVE;
     * the later promotion wins. REGISTERED versions never serve, however new.
     */
    public Optional<ModelEntry> serving() {
        return serving(list());
    }

    /** {@link #serving()} over entries already read. */
    public static Optional<ModelEntry> serving(List<ModelEntry> entries) {
        return entries.stream()
                .filter(e -> e.status() == ModelStatus.LIVE && e.promotedAt() != null)
                .max(Comparator.comparing(ModelEntry::promotedAt));
    }

    /**
     * Registers a published version as {@link ModelStatus#REGISTERED}, only if that version does not exist yet:
     * versions are immutable.
     */
    public void register(ArtifactMetadata meta, String artifactUri, String sageMakerUri) {
        if (!meta.modelName().equals(modelName)) {
            throw new IllegalArgumentException("model " + meta.modelName() + " cannot be registered as " + modelName);
        }
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item(meta, artifactUri, sageMakerUri))
                    .conditionExpression("attribute_not_exists(#v)")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException(
                    "model " + meta.modelName() + " version " + meta.modelVersion()
                            + " is already registered; versions are immutable",
                    e);
        }
    }

    /** Marks {@code version} live and the previously live one (if another) retired. */
    private void markLive(String version, Optional<String> previous, Instant at) {
        setStatus(version, ModelStatus.LIVE, at);
        previous.filter(p -> !p.equals(version)).ifPresent(p -> setStatus(p, ModelStatus.RETIRED, null));
    }

    /**
     * Promotes {@code version} here in the registry (every scorer follows within its refresh interval): the version
     * that served before is retired.
     */
    public ModelEntry promote(String version, Instant at) {
        ModelEntry entry = get(version)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the registry has no version " + version + " of model " + modelName));
        markLive(version, serving().map(ModelEntry::version), at);
        return entry.live(at);
    }

    /** The version in its shadow period, if one ({@link ModelStatus#SHADOW}; the newest if a race left two). */
    public Optional<ModelEntry> shadowing() {
        return shadowing(list());
    }

    /** {@link #shadowing()} over entries already read. */
    public static Optional<ModelEntry> shadowing(List<ModelEntry> entries) {
        return entries.stream()
                .filter(e -> e.status() == ModelStatus.SHADOW)
                .max(Comparator.comparing(ModelEntry::createdAt));
    }

    /**
     * Puts a registered version in its shadow period from {@code at} (its {@code shadow} note says since when and
     * against which champion); a version that shadowed before goes back to REGISTERED, so one shadows at a time.
     */
    public void shadow(String version, String champion, Instant at) {
        List<ModelEntry> entries = list();
        ModelEntry entry = entries.stream()
                .filter(e -> e.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "the registry has no version " + version + " of model " + modelName));
        if (entry.status() != ModelStatus.REGISTERED) {
            throw new IllegalStateException(
                    "only a REGISTERED version can shadow; " + version + " is " + entry.status());
        }
        entries.stream()
                .filter(e -> e.status() == ModelStatus.SHADOW)
                .forEach(e -> setStatus(e.version(), ModelStatus.REGISTERED, null));
        setNote(version, "shadow", Map.of("since", at.toString(), "champion", champion));
        setStatus(version, ModelStatus.SHADOW, null);
    }

    /** When {@code version} started shadowing (its {@code shadow} note), if it ever did. */
    public Optional<Instant> shadowSince(String version) {
        String since = note(version, "shadow").get("since");
        return since == null ? Optional.empty() : Optional.of(Instant.parse(since));
    }

    /** Ends a shadow period without a promotion: the version goes back to REGISTERED, its notes and decisions kept. */
    public void endShadow(String version) {
        setStatus(version, ModelStatus.REGISTERED, null);
    }

    /**
     * The version that served before the one serving now (the RETIRED version promoted last before it): what an
     * instant rollback promotes again.
     */
    public Optional<ModelEntry> previous() {
        List<ModelEntry> entries = list();
        Optional<ModelEntry> serving = serving(entries);
        return entries.stream()
                .filter(e -> e.status() == ModelStatus.RETIRED && e.promotedAt() != null)
                .filter(e -> serving.isEmpty()
                        || e.promotedAt().isBefore(serving.get().promotedAt()))
                .max(Comparator.comparing(ModelEntry::promotedAt));
    }

    /** Promotes {@link #previous()} again (through {@link #promote}, the one promotion path). */
    public ModelEntry rollback(Instant at) {
        ModelEntry back = previous()
                .orElseThrow(() -> new IllegalStateException(
                        "model " + modelName + " has no earlier live version to roll back to"));
        return promote(back.version(), at);
    }

    /**
     * Sets a note of a version: {@code attribute} (a name not used by the item format, e.g. {@code lineage},
     * {@code drift}) becomes this map of strings, replacing the note of that name. Versions are immutable; notes are
     * what the platform learns about them afterwards.
     */
    public void setNote(String version, String attribute, Map<String, String> note) {
        Map<String, AttributeValue> m = new HashMap<>();
        note.forEach((k, v) -> m.put(k, s(v)));
        dynamoDb.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(key(version))
                .updateExpression("SET #a = :m")
                .conditionExpression("attribute_exists(version)")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromM(m)))
                .build());
    }

    /** A note set with {@link #setNote}; empty when the version has none of that name. */
    public Map<String, String> note(String version, String attribute) {
        return noteOf(rawItem(version), attribute);
    }

    /**
     * What was learnt about a version after publishing it, from one read of its item: the notes of these names (empty
     * where unset) and its decisions; empty when the registry has no such version.
     */
    public record Annotations(Map<String, Map<String, String>> notes, List<Map<String, String>> decisions) {

        /** The note of that name, empty when the version has none. */
        public Map<String, String> note(String name) {
            return notes.getOrDefault(name, Map.of());
        }
    }

    public Optional<Annotations> annotations(String version, List<String> noteNames) {
        Map<String, AttributeValue> item = getItem(version);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> notes = new HashMap<>();
        noteNames.forEach(name -> notes.put(name, noteOf(item, name)));
        return Optional.of(new Annotations(notes, decisionsOf(item)));
    }

    private static Map<String, String> noteOf(Map<String, AttributeValue> item, String attribute) {
        Map<String, String> out = new HashMap<>();
        if (item.containsKey(attribute) && item.get(attribute).hasM()) {
            item.get(attribute).m().forEach((k, v) -> out.put(k, v.s()));
        }
        return out;
    }

    /** Appends a promotion decision about this version (its numbers as strings) to its {@code decisions} list. */
    public void recordDecision(String version, Map<String, String> decision) {
        Map<String, AttributeValue> m = new HashMap<>();
        decision.forEach((k, v) -> m.put(k, s(v)));
        dynamoDb.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(key(version))
                .updateExpression("SET decisions = list_append(if_not_exists(decisions, :empty), :d)")
                .conditionExpression("attribute_exists(version)")
                .expressionAttributeValues(Map.of(
                        ":empty", AttributeValue.fromL(List.of()),
                        ":d", AttributeValue.fromL(List.of(AttributeValue.fromM(m)))))
                .build());
    }

    /** Every decision recorded about a version, oldest first. */
    public List<Map<String, String>> decisions(String version) {
        return decisionsOf(rawItem(version));
    }

    private static List<Map<String, String>> decisionsOf(Map<String, AttributeValue> item) {
        List<Map<String, String>> out = new ArrayList<>();
        if (item.containsKey("decisions")) {
            for (AttributeValue d : item.get("decisions").l()) {
                Map<String, String> decision = new HashMap<>();
                d.m().forEach((k, v) -> decision.put(k, v.s()));
                out.add(decision);
            }
        }
        return out;
    }

    private Map<String, AttributeValue> rawItem(String version) {
        Map<String, AttributeValue> item = getItem(version);
        if (item.isEmpty()) {
            throw new IllegalArgumentException("the registry has no version " + version + " of model " + modelName);
        }
        return item;
    }

    /** The version's item, empty when there is none. */
    private Map<String, AttributeValue> getItem(String version) {
        var response = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .key(key(version))
                .build());
        return response.hasItem() ? response.item() : Map.of();
    }

    private void setStatus(String version, ModelStatus status, @Nullable Instant promotedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", AttributeValue.fromS(status.name()));
        String update = "SET #s = :s";
        if (promotedAt != null) {
            values.put(":p", AttributeValue.fromS(promotedAt.toString()));
            update += ", promotedAt = :p";
        }
        dynamoDb.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(key(version))
                .updateExpression(update)
                .conditionExpression("attribute_exists(version)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values)
                .build());
    }

    private Map<String, AttributeValue> key(String version) {
        return Map.of("modelName", AttributeValue.fromS(modelName), "version", AttributeValue.fromS(version));
    }

    /** The registry item of a newly published version: the one place its layout is written. */
    static Map<String, AttributeValue> item(ArtifactMetadata meta, String artifactUri, String sageMakerUri) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("modelName", s(meta.modelName()));
        item.put("version", s(meta.modelVersion()));
        item.put("status", s(ModelStatus.REGISTERED.name()));
        item.put("artifactUri", s(artifactUri));
        item.put("sageMakerModelUri", s(sageMakerUri));
        item.put(
                "featureNames",
                AttributeValue.fromL(
                        meta.featureNames().stream().map(ModelRegistry::s).toList()));
        item.put("trainingFrom", s(meta.trainingFrom().toString()));
        item.put("trainingTo", s(meta.trainingTo().toString()));
        Map<String, AttributeValue> metrics = new HashMap<>();
        meta.metrics().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                metrics.put(k, AttributeValue.fromN(Double.toString(v)));
            }
        });
        item.put("metrics", AttributeValue.fromM(metrics));
        item.put(
                "thresholds",
                AttributeValue.fromM(Map.of(
                        "review",
                                AttributeValue.fromN(
                                        Double.toString(meta.thresholds().review())),
                        "alert",
                                AttributeValue.fromN(
                                        Double.toString(meta.thresholds().alert())),
                        "decline",
                                AttributeValue.fromN(
                                        Double.toString(meta.thresholds().decline())),
                        "operatingPoint", s(meta.thresholds().operatingPoint()))));
        item.put("dataFingerprint", s(meta.dataFingerprint()));
        item.put("xgboostVersion", s(meta.xgboostVersion()));
        item.put("createdAt", s(meta.createdAt().toString()));
        return item;
    }

    static ModelEntry entry(Map<String, AttributeValue> item) {
        Map<String, Double> metrics = new HashMap<>();
        if (item.containsKey("metrics")) {
            item.get("metrics").m().forEach((k, v) -> metrics.put(k, Double.parseDouble(v.n())));
        }
        Map<String, AttributeValue> t = item.get("thresholds").m();
        Thresholds thresholds = new Thresholds(
                n(t.get("review")),
                n(t.get("alert")),
                n(t.get("decline")),
                t.get("operatingPoint").s());
        return new ModelEntry(
                item.get("modelName").s(),
                item.get("version").s(),
                ModelStatus.valueOf(item.get("status").s()),
                item.get("artifactUri").s(),
                item.get("featureNames").l().stream().map(AttributeValue::s).toList(),
                LocalDate.parse(item.get("trainingFrom").s()),
                LocalDate.parse(item.get("trainingTo").s()),
                metrics,
                thresholds,
                Instant.parse(item.get("createdAt").s()),
                item.containsKey("promotedAt")
                        ? Instant.parse(item.get("promotedAt").s())
                        : null);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static double n(AttributeValue value) {
        return Double.parseDouble(value.n());
    }
}
