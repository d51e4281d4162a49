package io.cdp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.lake.LakeTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * The synthesised templates, asserted on: two stacks in one app and one synth for the whole class (the CDK's jsii
 * kernel runs in Node.js, the expensive part): the default deployment, and one with every option on (namespace,
 * SageMaker endpoint, Bedrock guardrail, TLS certificate). cdk-nag's AwsSolutions and PCI DSS 3.2.1 packs run on
 * both as aspects; any unsuppressed error fails.
 */
class CdpStackTest {

    static final Environment ENV =
            Environment.builder().account("123456789012").region("eu-west-1").build();

    static CdpStack stack;
    static CdpStack optional;
    static Template template;
    static Template optionalTemplate;
    static Map<String, Map<String, Object>> resources;

    @BeforeAll
    static void synthesiseOnce() {
        long t0 = System.nanoTime();
        App app = new App(
                AppProps.builder().context(Compliance.TEMPLATE_VALIDATION).build());
        Compliance.checkWithRulePacks(app);
        stack = new CdpStack(app, "CdpStack", StackProps.builder().env(ENV).build(), CdpSettings.defaults());
        Compliance.suppress(stack);
        CdpSettings everything = new CdpSettings(
                        CdpResources.fromValue("acme-prod"),
                        "1.2.3",
                        CdpSettings.DEFAULT_BEDROCK_MODEL,
                        false,
                        null,
                        false,
                        "arn:aws:acm:eu-west-1:123456789012:certificate/0f6c1a7e-0000-4000-8000-000000000001",
                        "https://idp.example-bank.internal/realms/cdp")
                .withSageMaker("141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1")
                .withGuardrail();
        optional = new CdpStack(
                app, "CdpStackOptional", StackProps.builder().env(ENV).build(), everything);
        Compliance.suppress(optional);
        template = Template.fromStack(stack);
        optionalTemplate = Template.fromStack(optional);
        resources = resources(template);
        System.out.printf("two CdpStacks synthesised with cdk-nag in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void cdkNagAwsSolutionsAndPciDssFindNoUnsuppressedError() {
        for (CdpStack s : List.of(stack, optional)) {
            List<SynthesisMessage> errors = Annotations.fromStack(s).findError("*", Match.stringLikeRegexp(".*"));
            errors.forEach(
                    e -> System.out.println(e.getId() + " " + e.getEntry().getData()));
            assertThat(errors)
                    .as("unsuppressed cdk-nag errors in %s", s.getStackName())
                    .isEmpty();
        }
    }

    @Test
    void everyRegistryNameComesFromCdpResources() {
        String json = template.toJSON().toString();
        for (String name : CdpResources.DEFAULT.allNames()) {
            assertThat(json).as("template names %s", name).contains(name);
        }
        String prefixed = optionalTemplate.toJSON().toString();
        for (String name : CdpResources.fromValue("acme-prod").allNames()) {
            assertThat(prefixed).contains(name);
        }
        template.resourceCountIs("AWS::Kinesis::Stream", CdpResources.Stream.values().length);
        template.resourceCountIs("AWS::DynamoDB::Table", CdpResources.Table.values().length);
    }

    @Test
    void onlyTheTwoCoreZoneRolesMayDecryptWithThePiiKey() {
        String piiKey = logicalId(stack.data().coreKey(KmsKey.PII));
        Set<String> core = Set.of(
                logicalId(stack.compute().role(CdpService.CORE_BANKING)),
                logicalId(stack.compute().role(CdpService.ALERTING)));
        List<Map<String, Object>> statements = statements(resources.get(piiKey), "KeyPolicy");
        boolean denied = false;
        for (Map<String, Object> statement : statements) {
            boolean decrypt = actions(statement).stream().anyMatch(a -> a.equals("kms:Decrypt") || a.equals("kms:*"));
            if (!decrypt) continue;
            if ("Allow".equals(statement.get("Effect"))) {
                assertThat(referencedIds(statement.get("Principal")))
                        .as("principals allowed to decrypt: %s", statement)
                        .isEqualTo(core);
            } else {
                assertThat(statement.get("Principal").toString()).contains("*");
                assertThat(referencedIds(statement.get("Condition"))).isEqualTo(core);
                denied = true;
            }
        }
        assertThat(denied).as("an explicit deny for everyone else").isTrue();
        // and no identity policy anywhere grants anything on the PII key
        resources.forEach((id, r) -> {
            if ("AWS::IAM::Policy".equals(r.get("Type"))) {
                for (Map<String, Object> statement : statements(r, "PolicyDocument")) {
                    assertThat(referencedIds(statement.get("Resource")))
                            .as("IAM policy %s", id)
                            .doesNotContain(piiKey);
                }
            }
        });
        // the PII key is not the at-rest key of any stream, table, queue, bucket or log group: only its alias refers to
        // it
        Set<String> referrers = new TreeSet<>();
        resources.forEach((id, r) -> {
            if (referencedIds(r).contains(piiKey)) referrers.add(String.valueOf(r.get("Type")));
        });
        assertThat(referrers).containsExactly("AWS::KMS::Alias");
    }

    @Test
    void keysRotate() {
        template.allResourcesProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        template.resourceCountIs("AWS::KMS::Key", KmsKey.values().length);
    }

    @Test
    void noBucketIsPublicAndEveryBucketDeniesPlainHttp() {
        Map<String, Map<String, Object>> buckets = ofType("AWS::S3::Bucket");
        assertThat(buckets).hasSize(3);
        template.allResourcesProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "PublicAccessBlockConfiguration",
                        Map.of(
                                "BlockPublicAcls", true,
                                "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true,
                                "RestrictPublicBuckets", true)));
        Set<String> tlsOnly = new TreeSet<>();
        ofType("AWS::S3::BucketPolicy").values().forEach(policy -> {
            Map<String, Object> props = props(policy);
            for (Map<String, Object> statement : statements(policy, "PolicyDocument")) {
                if ("Deny".equals(statement.get("Effect"))
                        && statement.toString().contains("aws:SecureTransport=false")) {
                    tlsOnly.addAll(referencedIds(props.get("Bucket")));
                }
            }
        });
        assertThat(tlsOnly).isEqualTo(buckets.keySet());
        // the lake's lifecycle rules include the quarantine expiry
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "LifecycleConfiguration",
                        Match.objectLike(Map.of(
                                "Rules",
                                Match.arrayWith(List.of(Match.objectLike(
                                        Map.of("Prefix", "quarantine/", "ExpirationInDays", 90)))))))));
    }

    @Test
    void everyTableHasPointInTimeRecoveryAndCustomerManagedEncryption() {
        template.allResourcesProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "PointInTimeRecoverySpecification",
                        Map.of("PointInTimeRecoveryEnabled", true),
                        "BillingMode",
                        "PAY_PER_REQUEST",
                        "SSESpecification",
                        Match.objectLike(Map.of("SSEEnabled", true, "SSEType", "KMS"))));
    }

    @Test
    void theProfilesTableHasItsSegmentIndexAsCdpResourcesDefinesIt() {
        CdpResources.Index index = CdpResources.Index.PROFILES_BY_SEGMENT;
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        CdpResources.DEFAULT.table(CdpResources.Table.PROFILES),
                        "GlobalSecondaryIndexes",
                        List.of(Map.of(
                                "IndexName",
                                index.name(),
                                "KeySchema",
                                List.of(
                                        Map.of(
                                                "AttributeName",
                                                index.partitionKey().name(),
                                                "KeyType",
                                                "HASH"),
                                        Map.of("AttributeName", index.sortKey().name(), "KeyType", "RANGE")),
                                "Projection",
                                Map.of("ProjectionType", "ALL")))));
    }

    @Test
    void everyStreamQueueAndTopicIsEncryptedWithTheDataKey() {
        String dataKey = logicalId(stack.data().dataKey());
        ofType("AWS::Kinesis::Stream").values().forEach(s -> {
            assertThat(props(s).get("StreamModeDetails").toString()).contains("ON_DEMAND");
            assertThat(referencedIds(props(s).get("StreamEncryption"))).containsExactly(dataKey);
        });
        Map<String, Map<String, Object>> queues = ofType("AWS::SQS::Queue");
        // one queue per CdpResources queue, plus its DLQ where it has one: the CDK follows the one list of names
        long expected = java.util.Arrays.stream(io.cdp.events.resources.CdpResources.Queue.values())
                .mapToLong(q -> q.hasDeadLetterQueue() ? 2 : 1)
                .sum();
        assertThat(queues).hasSize((int) expected);
        queues.values()
                .forEach(q -> assertThat(referencedIds(props(q).get("KmsMasterKeyId")))
                        .containsExactly(dataKey));
        ofType("AWS::SNS::Topic").values().forEach(t -> assertThat(props(t)).containsKey("KmsMasterKeyId"));
        // the alert queue sends to its DLQ after its receive count
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "QueueName",
                        "cdp-fraud-alerts",
                        "RedrivePolicy",
                        Match.objectLike(Map.of("maxReceiveCount", 5))));
    }

    @Test
    void everyTaskRunsAsNonRootWithAReadOnlyRootInAPrivateSubnet() {
        Map<String, Map<String, Object>> tasks = ofType("AWS::ECS::TaskDefinition");
        assertThat(tasks).hasSize(CdpService.ALL.size());
        tasks.values().forEach(task -> {
            for (Object c : (List<?>) props(task).get("ContainerDefinitions")) {
                Map<?, ?> container = (Map<?, ?>) c;
                assertThat(container.get("User")).isEqualTo("10001:10001");
                assertThat(container.get("ReadonlyRootFilesystem")).isEqualTo(true);
                assertThat(container.get("LogConfiguration").toString()).contains("awslogs");
            }
        });
        Set<String> isolated = stack.network().vpc().getIsolatedSubnets().stream()
                .map(s -> logicalId(s.getNode().getDefaultChild()))
                .collect(Collectors.toSet());
        template.resourceCountIs("AWS::EC2::InternetGateway", 0);
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        Map<String, Map<String, Object>> services = ofType("AWS::ECS::Service");
        assertThat(services).hasSize(CdpService.services().size());
        services.values().forEach(service -> {
            Map<?, ?> vpc =
                    (Map<?, ?>) ((Map<?, ?>) props(service).get("NetworkConfiguration")).get("AwsvpcConfiguration");
            assertThat(vpc.get("AssignPublicIp")).isEqualTo("DISABLED");
            assertThat(isolated).containsAll(referencedIds(vpc.get("Subnets")));
        });
        // each zone in its own subnets: core-banking and alerting in "core", the rest in "cdp"
        for (CdpService s : CdpService.services()) {
            String path = "Vpc" + Network.subnetGroup(s.zone()) + "Subnet";
            Map<String, Object> service =
                    resources.get(logicalId(stack.compute().service(s)));
            List<String> subnets = new ArrayList<>(referencedIds(
                    ((Map<?, ?>) ((Map<?, ?>) props(service).get("NetworkConfiguration")).get("AwsvpcConfiguration"))
                            .get("Subnets")));
            assertThat(subnets).allMatch(id -> id.toLowerCase().contains(path.toLowerCase()), s + " in " + path);
        }
        // the trainer: a scheduled Fargate task, no public IP
        var network = Map.of("AwsVpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED")));
        var ecs = Match.objectLike(Map.of("LaunchType", "FARGATE", "NetworkConfiguration", network));
        var target = Match.objectLike(Map.of("EcsParameters", ecs));
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "ScheduleExpression", "cron(0 2 * * ? *)", "Targets", Match.arrayWith(List.of(target)))));
    }

    @Test
    void theAlbIsInternalBehindWafAndServesTheTwoApisAndTheConsole() {
        template.allResourcesProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of("Scheme", "internal")));
        template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
        template.resourceCountIs("AWS::WAFv2::LoggingConfiguration", 1);
        Set<Object> ports = ofType("AWS::ElasticLoadBalancingV2::Listener").values().stream()
                .map(l -> props(l).get("Port"))
                .collect(Collectors.toSet());
        assertThat(ports)
                .containsExactlyInAnyOrder(
                        CdpService.SCORING_API.port(), CdpService.CUSTOMER_360.port(), CdpService.CONSOLE.port());
        optionalTemplate.allResourcesProperties(
                "AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of("Protocol", "HTTPS")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGlueTablesHaveTheLakeLibrarysColumnsWhichTheLocalSqlUsesToo() {
        Map<String, List<String>> glue = new java.util.HashMap<>();
        for (Map<String, Object> table : ofType("AWS::Glue::Table").values()) {
            Map<String, Object> input = (Map<String, Object>) props(table).get("TableInput");
            Map<String, Object> storage = (Map<String, Object>) input.get("StorageDescriptor");
            glue.put(
                    (String) input.get("Name"),
                    ((List<Map<String, Object>>) storage.get("Columns"))
                            .stream()
                                    .map(c -> c.get("Name") + " " + c.get("Type"))
                                    .toList());
        }
        assertThat(glue.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        LakeTables.ALL.stream().map(LakeTables.Table::name).toList());
        for (LakeTables.Table table : LakeTables.ALL) {
            assertThat(glue.get(table.name()))
                    .containsExactlyElementsOf(table.columns().stream()
                            .map(c -> c.name() + " " + c.type())
                            .toList());
        }
    }

    @Test
    void vpcEndpointsForEveryAwsServiceAndNoNat() {
        template.resourceCountIs("AWS::EC2::VPCEndpoint", Network.INTERFACE_ENDPOINTS.size() + 2);
        String json = template.toJSON().toString();
        for (String service : List.of("kinesis-streams", "kms", "sqs", "sns", "bedrock-runtime", "logs", "ecr.dkr")) {
            assertThat(json).contains(".amazonaws.com").contains(service);
        }
    }

    @Test
    void alertingMayInvokeTheConfiguredBedrockModelOnly() {
        List<String> bedrockResources = new ArrayList<>();
        resources.forEach((id, r) -> {
            if (!"AWS::IAM::Policy".equals(r.get("Type"))) return;
            for (Map<String, Object> statement : statements(r, "PolicyDocument")) {
                if (actions(statement).stream().anyMatch(a -> a.startsWith("bedrock:"))) {
                    assertThat(referencedIds(props(r).get("Roles")))
                            .containsExactly(logicalId(stack.compute().role(CdpService.ALERTING)));
                    bedrockResources.add(statement.get("Resource").toString());
                }
            }
        });
        assertThat(bedrockResources)
                .singleElement()
                .asString()
                .contains("foundation-model/" + CdpSettings.DEFAULT_BEDROCK_MODEL)
                .doesNotContain("*");
        template.resourceCountIs("AWS::Bedrock::Guardrail", 0);
        optionalTemplate.resourceCountIs("AWS::Bedrock::Guardrail", 1);
    }

    @Test
    void sageMakerIsOptionalAndOffByDefault() {
        template.resourceCountIs("AWS::SageMaker::Endpoint", 0);
        optionalTemplate.resourceCountIs("AWS::SageMaker::Endpoint", 1);
        optionalTemplate.hasResourceProperties(
                "AWS::SageMaker::EndpointConfig", Match.objectLike(Map.of("KmsKeyId", Match.anyValue())));
    }

    @Test
    void operationsAlarmOnLagDeadLettersErrorsLatencyAndBedrockFallback() {
        Set<String> metrics = ofType("AWS::CloudWatch::Alarm").values().stream()
                .map(a -> props(a).toString())
                .map(s -> s.contains("IteratorAge")
                        ? "iterator-age"
                        : s.contains("ApproximateNumberOfMessagesVisible")
                                ? "queue-depth"
                                : s.contains("HTTPCode_Target_5XX_Count")
                                        ? "5xx-rate"
                                        : s.contains("TargetResponseTime")
                                                ? "p99"
                                                : s.contains(Operations.BEDROCK_FALLBACK_METRIC)
                                                        ? "bedrock-fallback"
                                                        : s.contains(Operations.DRIFT_METRIC) ? "model-drift" : "other")
                .collect(Collectors.toSet());
        assertThat(metrics)
                .contains("iterator-age", "queue-depth", "5xx-rate", "p99", "bedrock-fallback", "model-drift");
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        // consumers scale on iterator age as well as CPU
        template.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of("PolicyType", "StepScaling")));
    }

    // ------------------------------------------------------------------ template helpers

    static String logicalId(IConstruct construct) {
        IConstruct child = construct instanceof CfnElement
                ? construct
                : construct.getNode().getDefaultChild();
        return stack.getLogicalId((CfnElement) child);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template t) {
        return (Map<String, Map<String, Object>>) t.toJSON().get("Resources");
    }

    static Map<String, Map<String, Object>> ofType(String type) {
        return resources.entrySet().stream()
                .filter(e -> type.equals(e.getValue().get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Map<String, Object> resource, String document) {
        Map<String, Object> doc = (Map<String, Object>) props(resource).get(document);
        return (List<Map<String, Object>>) doc.get("Statement");
    }

    static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(action));
    }

    /** Logical ids referenced (Ref or Fn::GetAtt) anywhere inside a template fragment. */
    static Set<String> referencedIds(Object fragment) {
        Set<String> ids = new TreeSet<>();
        collect(fragment, ids);
        return ids;
    }

    private static void collect(Object node, Set<String> ids) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("Ref".equals(k) && v instanceof String s && !s.startsWith("AWS::")) ids.add(s);
                else if ("Fn::GetAtt".equals(k) && v instanceof List<?> l) ids.add(String.valueOf(l.get(0)));
                else collect(v, ids);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, ids));
        }
    }
}
