package io.cdp.deploy;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Zone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.bedrock.CfnGuardrail;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.events.CronOptions;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.EcsTask;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sagemaker.CfnEndpoint;
import software.amazon.awscdk.services.sagemaker.CfnEndpointConfig;
import software.amazon.awscdk.services.sagemaker.CfnModel;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * One ECS Fargate service per {@link CdpService} service (task role of its own with least privilege, its zone's
 * private subnets and security group, read-only root file system, non-root user, container health check, logs to
 * CloudWatch, CPU autoscaling and for stream consumers iterator-age scaling), the scoring API and customer-360 behind
 * an internal ALB with WAF, the trainer as a scheduled task; the optional SageMaker endpoint; Bedrock access for
 * alerting on the configured model only, with an optional guardrail.
 */
public final class Compute extends Construct {

    /** The container health check: the images have no shell, so CMD runs the class every service carries. */
    static final List<String> HEALTH_CHECK = List.of(
            "CMD",
            "java",
            "-XX:TieredStopAtLevel=1",
            "-Xmx16m",
            "-Xss512k",
            "-cp",
            "/app/libs/*",
            "io.cdp.service.health.HealthCheck");

    static final String SERVICE_DISCOVERY_NAMESPACE = "cdp.internal";

    private final CdpSettings settings;
    private final Network network;
    private final KeysAndData data;
    private final Cluster cluster;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, FargateService> services = new LinkedHashMap<>();
    private final Map<String, ApplicationTargetGroup> targetGroups = new LinkedHashMap<>();
    private final Map<String, LogGroup> logGroups = new LinkedHashMap<>();
    private final ApplicationLoadBalancer alb;
    private final @Nullable CfnEndpoint sageMakerEndpoint;
    private final @Nullable CfnGuardrail guardrail;

    public Compute(Construct scope, String id, CdpSettings settings, Network network, KeysAndData data) {
        super(scope, id);
        this.settings = settings;
        this.network = network;
        this.data = data;
        CdpResources names = settings.names();

        this.cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(network.vpc())
                .clusterName(names.namespace() + "cdp")
                .containerInsightsV2(ContainerInsights.ENABLED)
                .defaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                        .name(SERVICE_DISCOVERY_NAMESPACE)
                        .vpc(network.vpc())
                        .build())
                .build();

        Map<String, CdpStack.Access> access = CdpStack.accessByModule();
        for (CdpService service : CdpService.ALL) {
            roles.put(service.module(), taskRole(service, access.get(service.module())));
        }
        // the PII and token keys name the core zone's task roles in their policies
        data.createCoreZoneKeys(CdpStack.coreZone().stream()
                .map(s -> (IRole) roles.get(s.module()))
                .toList());

        this.sageMakerEndpoint = settings.sageMaker() ? sageMaker(names) : null;
        this.guardrail = settings.guardrail() ? guardrail(names) : null;
        bedrockAccess(roles.get(CdpService.ALERTING.module()));

        SecurityGroup albGroup = SecurityGroup.Builder.create(this, "AlbSecurityGroup")
                .vpc(network.vpc())
                .description("internal ALB: callers inside the VPC and peered bank networks")
                .allowAllOutbound(false)
                .build();
        this.alb = ApplicationLoadBalancer.Builder.create(this, "InternalAlb")
                .vpc(network.vpc())
                .internetFacing(false)
                .vpcSubnets(network.subnets(Zone.CDP))
                .securityGroup(albGroup)
                .dropInvalidHeaderFields(true)
                .deletionProtection(true)
                .build();
        alb.logAccessLogs(data.accessLogs(), "alb");
        webAcl(names);

        for (CdpService service : CdpService.services()) {
            FargateTaskDefinition task = taskDefinition(service);
            FargateService fargate = FargateService.Builder.create(this, "Service-" + service.module())
                    .serviceName(service.module())
                    .cluster(cluster)
                    .taskDefinition(task)
                    .desiredCount(2)
                    .minHealthyPercent(100)
                    .maxHealthyPercent(200)
                    .vpcSubnets(network.subnets(service.zone()))
                    .securityGroups(List.of(network.zone(service.zone())))
                    .assignPublicIp(false)
                    .circuitBreaker(
                            DeploymentCircuitBreaker.builder().rollback(true).build())
                    .cloudMapOptions(
                            CloudMapOptions.builder().name(service.module()).build())
                    .healthCheckGracePeriod(
                            service.ingress() == CdpService.Ingress.INTERNAL_ALB ? Duration.seconds(120) : null)
                    .build();
            services.put(service.module(), fargate);
            autoscaling(service, fargate);
            if (service.ingress() == CdpService.Ingress.INTERNAL_ALB) {
                behindAlb(service, fargate, albGroup);
            }
        }
        // alerting decrypts PII through core-banking (core zone to core zone only)
        network.zone(Zone.CORE)
                .addIngressRule(
                        network.zone(Zone.CORE),
                        Port.tcp(CdpService.CORE_BANKING.port()),
                        "core zone to core-banking's decrypt API");

        // the console calls customer-360 and the scoring API inside the CDP zone
        for (CdpService called : List.of(CdpService.CUSTOMER_360, CdpService.SCORING_API)) {
            network.zone(Zone.CDP)
                    .addIngressRule(
                            network.zone(Zone.CDP),
                            Port.tcp(called.port()),
                            "the console to " + called.module() + " (with the user's token)");
        }
        trainerSchedule(CdpService.MODEL_TRAINER);
    }

    private Role taskRole(CdpService service, CdpStack.Access access) {
        Role role = Role.Builder.create(this, "TaskRole-" + service.module())
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("task role of " + service.module() + " (" + service.zone() + " zone)")
                .build();
        access.readStreams().forEach(s -> data.stream(s).grantRead(role));
        access.writeStreams().forEach(s -> data.stream(s).grantWrite(role));
        access.tables().forEach(t -> data.table(t).grantReadWriteData(role));
        access.readTables().forEach(t -> data.table(t).grantReadData(role));
        access.sendQueues().forEach(q -> data.queue(q).grantSendMessages(role));
        access.consumeQueues().forEach(q -> data.queue(q).grantConsumeMessages(role));
        access.topics().forEach(t -> data.topic(t).grantPublish(role));
        access.buckets()
                .forEach((bucket, patterns) -> patterns.forEach((pattern, write) -> {
                    if (write) data.bucket(bucket).grantReadWrite(role, pattern);
                    else data.bucket(bucket).grantRead(role, pattern);
                }));
        if (!access.readStreams().isEmpty()) {
            // KCL keeps its leases, coordinator state and worker metrics in tables named after the consumer group
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of(
                            "dynamodb:CreateTable",
                            "dynamodb:DescribeTable",
                            "dynamodb:GetItem",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:DeleteItem",
                            "dynamodb:Scan",
                            "dynamodb:Query",
                            "dynamodb:UpdateContinuousBackups"))
                    .resources(List.of(Stack.of(this)
                            .formatArn(ArnComponents.builder()
                                    .service("dynamodb")
                                    .resource("table")
                                    .resourceName(settings.names().namespace() + service.module() + "*")
                                    .build())))
                    .build());
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("cloudwatch:PutMetricData"))
                    .resources(List.of("*"))
                    .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", service.module())))
                    .build());
        }
        return role;
    }

    private FargateTaskDefinition taskDefinition(CdpService service) {
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task-" + service.module())
                .family(settings.names().namespace() + service.module())
                .cpu(service.cpu())
                .memoryLimitMiB(service.memoryMiB())
                .taskRole(roles.get(service.module()))
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        // the root file system is read-only: the JVM and Tomcat write to /tmp, an ephemeral task volume
        task.addVolume(Volume.builder().name("tmp").build());
        LogGroup logs = LogGroup.Builder.create(this, "Logs-" + service.module())
                .logGroupName("/cdp/" + settings.names().namespace() + service.module())
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(data.dataKey())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        logGroups.put(service.module(), logs);
        IRepository repository = software.amazon.awscdk.services.ecr.Repository.fromRepositoryName(
                this, "Repository-" + service.module(), service.repository());

        var options = ContainerDefinitionOptions.builder()
                .containerName(service.module())
                .image(ContainerImage.fromEcrRepository(repository, settings.imageTag()))
                .user("10001:10001")
                .readonlyRootFilesystem(true)
                .environment(environment(service))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logs)
                        .streamPrefix(service.module())
                        .build()))
                .stopTimeout(Duration.seconds(30))
                .essential(true);
        if (service.isService()) {
            options.portMappings(List.of(PortMapping.builder()
                            .containerPort(service.port())
                            .name(service.module())
                            .build()))
                    .healthCheck(software.amazon.awscdk.services.ecs.HealthCheck.builder()
                            .command(HEALTH_CHECK)
                            .interval(Duration.seconds(30))
                            .timeout(Duration.seconds(5))
                            .retries(3)
                            .startPeriod(Duration.seconds(120))
                            .build());
        }
        ContainerDefinition container = task.addContainer(service.module(), options.build());
        container.addMountPoints(MountPoint.builder()
                .sourceVolume("tmp")
                .containerPath("/tmp")
                .readOnly(false)
                .build());
        return task;
    }

    /** Settings by environment only (the images bake none): no endpoint, so the SDKs use the task role in AWS. */
    private Map<String, String> environment(CdpService service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CDP_RESOURCE_NAMESPACE", settings.names().namespace());
        if (service.isService()) {
            env.put("PORT", String.valueOf(service.port()));
            env.put("JWT_ISSUER_URI", settings.jwtIssuerUri());
        }
        if (service.equals(CdpService.CORE_BANKING)) env.put("CDP_ZONE", "core");
        if (service.equals(CdpService.STREAM_TRANSFORMER)) {
            env.put("CDP_SCORER", sageMakerEndpoint != null ? "sagemaker" : "in-process");
            if (sageMakerEndpoint != null) env.put("CDP_SAGEMAKER_ENDPOINT", sageMakerEndpoint.getAttrEndpointName());
        }
        if (service.equals(CdpService.ALERTING)) {
            env.put("CDP_BEDROCK_MODEL_ID", settings.bedrockModelId());
            if (guardrail != null) env.put("CDP_BEDROCK_GUARDRAIL_ID", guardrail.getAttrGuardrailId());
        }
        if (service.equals(CdpService.CONSOLE)) {
            // the services it calls with the user's token, by their Service Connect names
            env.put(
                    "CDP_CUSTOMER360_URL",
                    "http://" + CdpService.CUSTOMER_360.module() + "." + SERVICE_DISCOVERY_NAMESPACE + ":"
                            + CdpService.CUSTOMER_360.port());
            env.put(
                    "CDP_SCORING_API_URL",
                    "http://" + CdpService.SCORING_API.module() + "." + SERVICE_DISCOVERY_NAMESPACE + ":"
                            + CdpService.SCORING_API.port());
        }
        // the nightly run is the closed loop: labels from the lake, a challenger against the live model, the policy
        if (service.equals(CdpService.MODEL_TRAINER)) env.put("CDP_TRAINER_JOB", "retrain");
        return env;
    }

    private void autoscaling(CdpService service, FargateService fargate) {
        ScalableTaskCount scaling = fargate.autoScaleTaskCount(
                EnableScalingProps.builder().minCapacity(2).maxCapacity(10).build());
        scaling.scaleOnCpuUtilization(
                "Cpu",
                CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(60)
                        .scaleInCooldown(Duration.minutes(5))
                        .scaleOutCooldown(Duration.minutes(1))
                        .build());
        List<Stream> consumed = CdpStack.accessByModule().get(service.module()).readStreams();
        if (service.streamConsumer()) {
            // a consumer falling behind its stream adds tasks (up to the shard count, past which KCL idles them)
            for (Stream stream : consumed) {
                scaling.scaleOnMetric(
                        "IteratorAge-" + stream.baseName(), stepScaling(iteratorAge(stream), 10_000, 60_000, 300_000));
            }
        }
        if (service.equals(CdpService.ALERTING)) {
            scaling.scaleOnMetric(
                    "QueueDepth",
                    stepScaling(
                            data.queue(Queue.FRAUD_ALERTS)
                                    .metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                                            .statistic("Maximum")
                                            .period(Duration.minutes(1))
                                            .build()),
                            10,
                            100,
                            1_000));
        }
    }

    IMetric iteratorAge(Stream stream) {
        return data.stream(stream)
                .metricGetRecordsIteratorAgeMilliseconds(MetricOptions.builder()
                        .statistic("Maximum")
                        .period(Duration.minutes(1))
                        .build());
    }

    private static BasicStepScalingPolicyProps stepScaling(IMetric metric, double low, double high, double veryHigh) {
        return BasicStepScalingPolicyProps.builder()
                .metric(metric)
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .scalingSteps(List.of(
                        ScalingInterval.builder().upper(low).change(-1).build(),
                        ScalingInterval.builder().lower(high).change(1).build(),
                        ScalingInterval.builder().lower(veryHigh).change(3).build()))
                .cooldown(Duration.minutes(2))
                .build();
    }

    private void behindAlb(CdpService service, FargateService fargate, SecurityGroup albGroup) {
        boolean tls = settings.certificateArn() != null;
        var listener = BaseApplicationListenerProps.builder()
                .port(service.port())
                .protocol(tls ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP)
                .open(false);
        if (tls) {
            listener.certificates(List.of(ListenerCertificate.fromCertificateManager(Certificate.fromCertificateArn(
                    this, "Certificate-" + service.module(), settings.certificateArn()))));
        }
        ApplicationListener l = alb.addListener("Listener-" + service.module(), listener.build());
        albGroup.addIngressRule(
                Peer.ipv4(network.vpc().getVpcCidrBlock()),
                Port.tcp(service.port()),
                "callers inside the VPC to " + service.module());
        ApplicationTargetGroup group = l.addTargets(
                "Targets-" + service.module(),
                AddApplicationTargetsProps.builder()
                        .port(service.port())
                        .protocol(ApplicationProtocol.HTTP)
                        .targets(List.of(fargate))
                        .deregistrationDelay(Duration.seconds(30))
                        .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                                .path(CdpService.READINESS_PATH)
                                .healthyHttpCodes("200")
                                .interval(Duration.seconds(15))
                                .build())
                        .build());
        targetGroups.put(service.module(), group);
    }

    private void webAcl(CdpResources names) {
        List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
        int priority = 0;
        for (String group : List.of(
                "AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesAmazonIpReputationList")) {
            rules.add(CfnWebACL.RuleProperty.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder()
                            .none(Map.of())
                            .build())
                    .statement(CfnWebACL.StatementProperty.builder()
                            .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                    .vendorName("AWS")
                                    .name(group)
                                    .build())
                            .build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("RateLimitPerSource")
                .priority(priority)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(300_000)
                                .aggregateKeyType("IP")
                                .build())
                        .build())
                .visibilityConfig(visibility("RateLimitPerSource"))
                .build());
        CfnWebACL acl = CfnWebACL.Builder.create(this, "WebAcl")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                        .build())
                .visibilityConfig(visibility("cdp-internal-alb"))
                .rules(rules)
                .build();
        CfnWebACLAssociation.Builder.create(this, "WebAclAlb")
                .resourceArn(alb.getLoadBalancerArn())
                .webAclArn(acl.getAttrArn())
                .build();
        String wafLogGroup = "aws-waf-logs-" + names.namespace() + "cdp";
        LogGroup.Builder.create(this, "WafLogs")
                .logGroupName(wafLogGroup)
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(data.dataKey())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        CfnLoggingConfiguration.Builder.create(this, "WafLogging")
                .resourceArn(acl.getAttrArn())
                .logDestinationConfigs(List.of(Stack.of(this)
                        .formatArn(ArnComponents.builder()
                                .service("logs")
                                .resource("log-group")
                                .resourceName(wafLogGroup)
                                .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME)
                                .build())))
                .build()
                .getNode()
                .addDependency(acl);
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String name) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(name)
                .sampledRequestsEnabled(true)
                .build();
    }

    private void trainerSchedule(CdpService trainer) {
        FargateTaskDefinition task = taskDefinition(trainer);
        Rule.Builder.create(this, "TrainerSchedule")
                .description("the fraud model's nightly retraining on the lake's labels (challenger, policy, drift)")
                .schedule(Schedule.cron(
                        CronOptions.builder().hour("2").minute("0").build()))
                .targets(List.of(EcsTask.Builder.create()
                        .cluster(cluster)
                        .taskDefinition(task)
                        .subnetSelection(network.subnets(trainer.zone()))
                        .securityGroups(List.of(network.zone(trainer.zone())))
                        .assignPublicIp(false)
                        .taskCount(1)
                        .build()))
                .build();
    }

    /** The fraud model behind a SageMaker endpoint (off by default: the in-process model is faster and cheaper). */
    private CfnEndpoint sageMaker(CdpResources names) {
        if (settings.sageMakerImage() == null) {
            throw new IllegalArgumentException(
                    "sagemaker=true needs sagemakerImage (the region's XGBoost serving image URI)");
        }
        Role execution = Role.Builder.create(this, "SageMakerExecution")
                .assumedBy(new ServicePrincipal("sagemaker.amazonaws.com"))
                .description("SageMaker reads the fraud model artifact")
                .build();
        data.bucket(Bucket.MODELS).grantRead(execution, "sagemaker/*");
        String modelData = "s3://" + names.bucket(Bucket.MODELS) + "/sagemaker/fraud/model.tar.gz";
        CfnModel model = CfnModel.Builder.create(this, "FraudModel")
                .executionRoleArn(execution.getRoleArn())
                .primaryContainer(CfnModel.ContainerDefinitionProperty.builder()
                        .image(settings.sageMakerImage())
                        .modelDataUrl(modelData)
                        .build())
                .vpcConfig(CfnModel.VpcConfigProperty.builder()
                        .subnets(network.vpc()
                                .selectSubnets(network.subnets(Zone.CDP))
                                .getSubnetIds())
                        .securityGroupIds(List.of(network.zone(Zone.CDP).getSecurityGroupId()))
                        .build())
                .enableNetworkIsolation(true)
                .build();
        model.getNode().addDependency(execution);
        CfnEndpointConfig config = CfnEndpointConfig.Builder.create(this, "FraudEndpointConfig")
                .kmsKeyId(data.dataKey().getKeyArn())
                .productionVariants(List.of(CfnEndpointConfig.ProductionVariantProperty.builder()
                        .variantName("AllTraffic")
                        .modelName(model.getAttrModelName())
                        .initialInstanceCount(2)
                        .instanceType("ml.c6i.large")
                        .initialVariantWeight(1)
                        .build()))
                .build();
        CfnEndpoint endpoint = CfnEndpoint.Builder.create(this, "FraudEndpoint")
                .endpointName(names.namespace() + "cdp-fraud")
                .endpointConfigName(config.getAttrEndpointConfigName())
                .build();
        roles.get(CdpService.STREAM_TRANSFORMER.module())
                .addToPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("sagemaker:InvokeEndpoint"))
                        .resources(List.of(endpoint.getRef()))
                        .build());
        return endpoint;
    }

    /** A guardrail on alerting's prompts and answers: card numbers blocked, contact details masked, no advice. */
    private CfnGuardrail guardrail(CdpResources names) {
        return CfnGuardrail.Builder.create(this, "AlertGuardrail")
                .name(names.namespace() + "cdp-alerts")
                .description("customer fraud alerts: no PII in or out, no financial advice")
                .blockedInputMessaging("This request cannot be processed.")
                .blockedOutputsMessaging("This message cannot be sent.")
                .kmsKeyArn(data.dataKey().getKeyArn())
                .sensitiveInformationPolicyConfig(CfnGuardrail.SensitiveInformationPolicyConfigProperty.builder()
                        .piiEntitiesConfig(List.of(
                                pii("CREDIT_DEBIT_CARD_NUMBER", "BLOCK"),
                                pii("CREDIT_DEBIT_CARD_CVV", "BLOCK"),
                                pii("PIN", "BLOCK"),
                                pii("EMAIL", "ANONYMIZE"),
                                pii("PHONE", "ANONYMIZE"),
                                pii("ADDRESS", "ANONYMIZE")))
                        .build())
                .topicPolicyConfig(CfnGuardrail.TopicPolicyConfigProperty.builder()
                        .topicsConfig(List.of(CfnGuardrail.TopicConfigProperty.builder()
                                .name("financial-advice")
                                .definition("Recommendations about investments, loans or other financial products.")
                                .type("DENY")
                                .build()))
                        .build())
                .build();
    }

    private static CfnGuardrail.PiiEntityConfigProperty pii(String type, String action) {
        return CfnGuardrail.PiiEntityConfigProperty.builder()
                .type(type)
                .action(action)
                .build();
    }

    /** alerting may invoke exactly the configured foundation model (and apply the guardrail, when there is one). */
    private void bedrockAccess(Role alerting) {
        Stack stack = Stack.of(this);
        alerting.addToPolicy(PolicyStatement.Builder.create()
                .sid("InvokeTheConfiguredModelOnly")
                .actions(List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"))
                .resources(List.of(stack.formatArn(ArnComponents.builder()
                        .service("bedrock")
                        .account("")
                        .resource("foundation-model")
                        .resourceName(settings.bedrockModelId())
                        .build())))
                .build());
        if (guardrail != null) {
            alerting.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("bedrock:ApplyGuardrail"))
                    .resources(List.of(guardrail.getAttrGuardrailArn()))
                    .build());
        }
        alerting.addToPolicy(PolicyStatement.Builder.create()
                .sid("SendAlertEmail")
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resources(List.of(stack.formatArn(ArnComponents.builder()
                        .service("ses")
                        .resource("identity")
                        .resourceName("*")
                        .build())))
                .build());
    }

    public Cluster cluster() {
        return cluster;
    }

    public Role role(CdpService service) {
        return roles.get(service.module());
    }

    public Map<String, Role> roles() {
        return roles;
    }

    public FargateService service(CdpService service) {
        return services.get(service.module());
    }

    public Map<String, ApplicationTargetGroup> targetGroups() {
        return targetGroups;
    }

    public ApplicationLoadBalancer alb() {
        return alb;
    }

    static boolean isCoreOnly(KmsKey key) {
        return CdpStack.CORE_ONLY_KEYS.contains(key);
    }
}
