package io.cdp.events.resources;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one list of AWS resource names in the suite: local bootstrap, services, tests and {@code deploy/cdk}
 * all read it from here. A namespace prefixes every physical name, so each test class (or each
 * environment sharing an account) gets its own resources; production uses the empty namespace.
 *
 * <p>The prefix is restricted to lower-case letters, digits and hyphens and ends with a hyphen, because
 * that is the one shape every service accepts at the start of a name (SQS and S3 take no dots, S3 no
 * upper case).
 */
public record CdpResources(String namespace) {

    private static final Pattern NAMESPACE = Pattern.compile("^([a-z0-9][a-z0-9-]{0,30}-)?$");

    /** Names as deployed: no prefix. */
    public static final CdpResources DEFAULT = new CdpResources("");

    public CdpResources {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException(
                    "resource namespace must be empty or lower-case letters, digits and hyphens "
                            + "ending in '-' (at most 32 chars), was '" + namespace + "'");
        }
    }

    /** The namespace from {@code CDP_RESOURCE_NAMESPACE}, or none. */
    public static CdpResources fromEnvironment() {
        return fromValue(System.getenv("CDP_RESOURCE_NAMESPACE"));
    }

    public static CdpResources fromValue(@Nullable String namespace) {
        if (namespace == null || namespace.isBlank()) {
            return DEFAULT;
        }
        String ns = namespace.trim().toLowerCase(Locale.ROOT);
        return new CdpResources(ns.endsWith("-") ? ns : ns + "-");
    }

    /** A short, stable, collision-resistant namespace for a test class, e.g. {@code t3f9a1c2-}. */
    public static CdpResources forTest(String testName) {
        return new CdpResources("t" + Integer.toHexString(testName.hashCode() & 0x7fffffff)
                + Long.toHexString(System.nanoTime() & 0xfff) + "-");
    }

    // ------------------------------------------------------------------ Kinesis

    /** Kinesis data streams. Partition keys: card token for transactions, customer token for customers. */
    public enum Stream {
        CORE_CUSTOMERS("cdp.core.customers", 2),
        CORE_TRANSACTIONS("cdp.core.transactions", 2),
        SCORED_TRANSACTIONS("cdp.scored.transactions", 2),
        FEEDBACK("cdp.feedback", 1);

        private final String baseName;
        private final int shards;

        Stream(String baseName, int shards) {
            this.baseName = baseName;
            this.shards = shards;
        }

        public String baseName() {
            return baseName;
        }

        /** Shard count for local and test environments; production sizes come from deploy/cdk settings. */
        public int shards() {
            return shards;
        }
    }

    public String stream(Stream stream) {
        return namespace + stream.baseName();
    }

    // ------------------------------------------------------------------ SQS / SNS

    /** SQS queues; each with a dead-letter queue that takes messages after {@link #maxReceiveCount()} tries. */
    public enum Queue {
        FRAUD_ALERTS("cdp-fraud-alerts", 5),
        /**
         * Two-way SMS replies (AWS End User Messaging's inbound JSON), subscribed to {@link Topic#SMS_INBOUND}; the
         * alerting service correlates each with the alert it answers.
         */
        SMS_REPLIES("cdp-sms-replies", 5),
        /**
         * Records the stream consumers quarantined (cannot parse, validate or process), with the reason, position,
         * size and SHA-256; the bytes themselves go to the lake bucket's {@code quarantine/} prefix.
         */
        STREAM_DEAD_LETTERS("cdp-stream-dead-letters", 0);

        private final String baseName;
        private final int maxReceiveCount;

        Queue(String baseName, int maxReceiveCount) {
            this.baseName = baseName;
            this.maxReceiveCount = maxReceiveCount;
        }

        public String baseName() {
            return baseName;
        }

        /** 0 means the queue is itself a final destination and has no dead-letter queue. */
        public int maxReceiveCount() {
            return maxReceiveCount;
        }

        public boolean hasDeadLetterQueue() {
            return maxReceiveCount > 0;
        }
    }

    public String queue(Queue queue) {
        return namespace + queue.baseName();
    }

    public String deadLetterQueue(Queue queue) {
        if (!queue.hasDeadLetterQueue()) {
            throw new IllegalArgumentException(queue + " has no dead-letter queue");
        }
        return namespace + queue.baseName() + "-dlq";
    }

    public enum Topic {
        CUSTOMER_NOTIFICATIONS("cdp-customer-notifications"),
        /** Where AWS End User Messaging publishes the SMS customers send to the bank's number. */
        SMS_INBOUND("cdp-sms-inbound");

        private final String baseName;

        Topic(String baseName) {
            this.baseName = baseName;
        }

        public String baseName() {
            return baseName;
        }
    }

    public String topic(Topic topic) {
        return namespace + topic.baseName();
    }

    // ------------------------------------------------------------------ DynamoDB

    /** Attribute types used in key schemas. */
    public enum KeyType {
        S,
        N
    }

    public record Key(String name, KeyType type) {}

    /**
     * A global secondary index of a table (its name is the table's own, not namespaced), projecting every attribute.
     * Sparse by design where the partition key is an attribute only some items carry.
     */
    public record Index(
            String name, Key partitionKey, @Nullable Key sortKey) {

        /**
         * The profiles by segment ({@code seg}, set on profile items only; an erased profile's tombstone has none),
         * in customer-token order: {@code GET /v1/customers?segment=} reads one segment's profiles without scanning
         * the table. (Here, not in {@link CdpResources}: the table enum's constants need it initialised first.)
         */
        public static final Index PROFILES_BY_SEGMENT =
                new Index("by-segment", new Key("seg", KeyType.S), new Key("customerToken", KeyType.S));
    }

    /**
     * DynamoDB tables with their key design. Access patterns came first: a card's transactions by time
     * (partition = card, sort = time + id), a customer's cards (partition = customer, sort = card index),
     * one item per feature-store entity, model versions by name.
     */
    public enum Table {
        CUSTOMERS("customers", Zone.CORE, new Key("customerId", KeyType.S), null, null),
        CARDS("cards", Zone.CORE, new Key("customerId", KeyType.S), new Key("cardIndex", KeyType.S), null),
        TRANSACTIONS("transactions", Zone.CORE, new Key("cardId", KeyType.S), new Key("txKey", KeyType.S), null),
        AUDIT("audit", Zone.CORE, new Key("pk", KeyType.S), new Key("sk", KeyType.S), null),
        /**
         * Wrapped per-customer data keys of field encryption (one item per key reference). Deleting an item
         * crypto-shreds every copy of that customer's encrypted PII, wherever it went.
         */
        PII_KEYS("pii-keys", Zone.CORE, new Key("keyRef", KeyType.S), null, null),
        /**
         * Versioned tokenization keys, one item per version, each only as the KMS ciphertext blob of a data key made
         * under {@link KmsKey#TOKEN} (docs/adr/0010-versioned-token-keys.md). Deleting a version retires it: tokens
         * made under it can no longer be recomputed.
         */
        TOKEN_KEYS("token-keys", Zone.CORE, new Key("version", KeyType.N), null, null),
        /**
         * Core banking's index from each customer token it has handed out (every extraction writes its own) to the
         * internal customer id, so a core-zone caller holding a token (alerting's contact lookup) reaches the record.
         * Tokens are keyed HMACs and cannot be reversed; an erasure leaves the entry (the lookup then answers gone).
         */
        CUSTOMER_TOKENS("customer-tokens", Zone.CORE, new Key("customerToken", KeyType.S), null, null),
        FEATURES("features", Zone.CDP, new Key("entityKey", KeyType.S), null, "expiresAt"),
        /**
         * customer-360's single table, one partition per customer token: the profile ({@code sk = A#PROFILE}, or its
         * tombstone after an erasure), cards ({@code C#<cardToken>}), daily aggregates ({@code D#<yyyy-MM-dd>}) and the
         * event ids already applied ({@code E#<eventId>}, expiring: the dedup horizon).
         */
        PROFILES(
                "profiles",
                Zone.CDP,
                new Key("customerToken", KeyType.S),
                new Key("sk", KeyType.S),
                "expiresAt",
                List.of(Index.PROFILES_BY_SEGMENT)),
        MODELS("models", Zone.CDP, new Key("modelName", KeyType.S), new Key("version", KeyType.S), null),
        ALERTS("alerts", Zone.CDP, new Key("transactionId", KeyType.S), null, "expiresAt"),
        /**
         * The stream position (stream, shard, sequence number) that first carried each transaction, so a producer
         * duplicate at another position changes nothing while a replay of the same position redoes its effects.
         */
        TRANSACTION_CLAIMS("transaction-claims", Zone.CDP, new Key("transactionId", KeyType.S), null, "expiresAt"),
        /** Kinesis binder checkpoints (consumer group + stream + shard to sequence number). */
        BINDER_CHECKPOINTS("cdp-binder-checkpoints", Zone.CDP, new Key("metadataKey", KeyType.S), null, null),
        /** Kinesis binder shard locks, so two instances in a group never read one shard. */
        BINDER_LOCKS("cdp-binder-locks", Zone.CDP, new Key("lockKey", KeyType.S), null, "expireAt");

        private final String baseName;
        private final Zone zone;
        private final Key partitionKey;
        private final @Nullable Key sortKey;
        private final @Nullable String ttlAttribute;
        private final List<Index> indexes;

        Table(String baseName, Zone zone, Key partitionKey, @Nullable Key sortKey, @Nullable String ttlAttribute) {
            this(baseName, zone, partitionKey, sortKey, ttlAttribute, List.of());
        }

        Table(
                String baseName,
                Zone zone,
                Key partitionKey,
                @Nullable Key sortKey,
                @Nullable String ttlAttribute,
                List<Index> indexes) {
            this.baseName = baseName;
            this.zone = zone;
            this.partitionKey = partitionKey;
            this.sortKey = sortKey;
            this.ttlAttribute = ttlAttribute;
            this.indexes = List.copyOf(indexes);
        }

        public String baseName() {
            return baseName;
        }

        public Zone zone() {
            return zone;
        }

        public Key partitionKey() {
            return partitionKey;
        }

        public @Nullable Key sortKey() {
            return sortKey;
        }

        public @Nullable String ttlAttribute() {
            return ttlAttribute;
        }

        /** Global secondary indexes (bootstrap and deploy/cdk create them; local bootstrap adds missing ones). */
        public List<Index> indexes() {
            return indexes;
        }
    }

    public String table(Table table) {
        return namespace + table.baseName();
    }

    // ------------------------------------------------------------------ S3

    public enum Bucket {
        /** The data lake: {@code raw/} (tokenized, encrypted PII) and {@code scored/}. */
        LAKE("cdp-lake"),
        /** Model artifacts and SageMaker {@code model.tar.gz}. */
        MODELS("cdp-models");

        private final String baseName;

        Bucket(String baseName) {
            this.baseName = baseName;
        }

        public String baseName() {
            return baseName;
        }
    }

    public String bucket(Bucket bucket) {
        return namespace + bucket.baseName();
    }

    // ------------------------------------------------------------------ KMS

    /** KMS keys, addressed by alias. Only the core-banking zone may decrypt with {@link #PII}. */
    public enum KmsKey {
        /** Symmetric key that wraps the per-customer data keys of field encryption. */
        PII("cdp-pii", Zone.CORE, KeyKind.SYMMETRIC_ENCRYPT_DECRYPT),
        /**
         * Symmetric key that wraps the versioned tokenization keys in {@link Table#TOKEN_KEYS}; only a holder of
         * {@code kms:Decrypt} on it (the core zone) can compute tokens. Replaced the HMAC key {@code cdp-token}, whose
         * MAC of a public label anyone with {@code kms:GenerateMac} could re-derive.
         */
        TOKEN("cdp-token-keys", Zone.CORE, KeyKind.SYMMETRIC_ENCRYPT_DECRYPT),
        /**
         * At-rest encryption of the streams, tables, queues, topics, buckets and logs (server-side encryption in
         * deploy/cdk). Every task role that reads or writes those resources may use it; it never protects a PII field
         * itself (that is {@link #PII}'s job), so holding it reveals tokens, masks and ciphertext only.
         */
        DATA("cdp-data", Zone.CDP, KeyKind.SYMMETRIC_ENCRYPT_DECRYPT);

        private final String baseName;
        private final Zone zone;
        private final KeyKind kind;

        KmsKey(String baseName, Zone zone, KeyKind kind) {
            this.baseName = baseName;
            this.zone = zone;
            this.kind = kind;
        }

        public String baseName() {
            return baseName;
        }

        public Zone zone() {
            return zone;
        }

        public KeyKind kind() {
            return kind;
        }
    }

    public enum KeyKind {
        SYMMETRIC_ENCRYPT_DECRYPT,
        HMAC_256
    }

    public String keyAlias(KmsKey key) {
        return "alias/" + namespace + key.baseName();
    }

    // ------------------------------------------------------------------ zones

    /** The trust zone that owns a resource: only CORE holds plaintext PII or may decrypt it. */
    public enum Zone {
        CORE,
        CDP
    }

    /** Every physical name in this namespace, for listings and leak scans. */
    public List<String> allNames() {
        var names = new java.util.ArrayList<String>();
        for (Stream s : Stream.values()) names.add(stream(s));
        for (Queue q : Queue.values()) {
            names.add(queue(q));
            if (q.hasDeadLetterQueue()) names.add(deadLetterQueue(q));
        }
        for (Topic t : Topic.values()) names.add(topic(t));
        for (Table t : Table.values()) names.add(table(t));
        for (Bucket b : Bucket.values()) names.add(bucket(b));
        for (KmsKey k : KmsKey.values()) names.add(keyAlias(k));
        return List.copyOf(names);
    }
}
