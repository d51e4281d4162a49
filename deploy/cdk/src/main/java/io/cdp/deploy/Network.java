package io.cdp.deploy;

import io.cdp.events.resources.CdpResources.Zone;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpointService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A VPC without internet access: two private subnet groups, one per trust zone, over two AZs; every AWS service the
 * tasks call is reached through a VPC endpoint (gateway endpoints for S3 and DynamoDB, interface endpoints for the
 * rest), so no NAT gateway exists and no task has a route to the internet. VPC flow logs record all traffic.
 */
public final class Network extends Construct {

    /** Interface endpoints: image pulls, logs, metrics, and every AWS API a service calls. */
    static final Map<String, IInterfaceVpcEndpointService> INTERFACE_ENDPOINTS = Map.ofEntries(
            Map.entry("EcrApi", InterfaceVpcEndpointAwsService.ECR),
            Map.entry("EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER),
            Map.entry("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS),
            Map.entry("Monitoring", InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING),
            Map.entry("Kms", InterfaceVpcEndpointAwsService.KMS),
            Map.entry("Kinesis", InterfaceVpcEndpointAwsService.KINESIS_STREAMS),
            Map.entry("Sqs", InterfaceVpcEndpointAwsService.SQS),
            Map.entry("Sns", InterfaceVpcEndpointAwsService.SNS),
            Map.entry("Sts", InterfaceVpcEndpointAwsService.STS),
            Map.entry("Ses", new InterfaceVpcEndpointAwsService("email")),
            Map.entry("BedrockRuntime", InterfaceVpcEndpointAwsService.BEDROCK_RUNTIME),
            Map.entry("SageMakerRuntime", InterfaceVpcEndpointAwsService.SAGEMAKER_RUNTIME));

    private final Vpc vpc;
    private final SecurityGroup coreZone;
    private final SecurityGroup cdpZone;
    private final SecurityGroup endpoints;

    public Network(Construct scope, String id, IKey logKey) {
        super(scope, id);
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(logKey)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name(subnetGroup(Zone.CORE))
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(22)
                                .build(),
                        SubnetConfiguration.builder()
                                .name(subnetGroup(Zone.CDP))
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(22)
                                .build()))
                .flowLogs(Map.of(
                        "All",
                        FlowLogOptions.builder()
                                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                                .trafficType(FlowLogTrafficType.ALL)
                                .build()))
                .build();

        this.coreZone = securityGroup("CoreZone", "core banking zone tasks (plaintext PII)");
        this.cdpZone = securityGroup("CdpZone", "CDP zone tasks (tokens and ciphertext only)");
        this.endpoints = securityGroup("Endpoints", "VPC interface endpoints");
        endpoints.addIngressRule(Peer.ipv4(vpc.getVpcCidrBlock()), Port.tcp(443), "HTTPS from the VPC to AWS APIs");

        vpc.addGatewayEndpoint(
                "S3",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .build());
        vpc.addGatewayEndpoint(
                "DynamoDb",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                        .build());
        INTERFACE_ENDPOINTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> vpc.addInterfaceEndpoint(
                        e.getKey(),
                        InterfaceVpcEndpointOptions.builder()
                                .service(e.getValue())
                                .privateDnsEnabled(true)
                                .securityGroups(List.of(endpoints))
                                .subnets(subnets(Zone.CDP))
                                .build()));
    }

    private SecurityGroup securityGroup(String id, String description) {
        return SecurityGroup.Builder.create(this, id)
                .vpc(vpc)
                .description(description)
                .allowAllOutbound(true)
                .build();
    }

    static String subnetGroup(Zone zone) {
        return zone == Zone.CORE ? "core" : "cdp";
    }

    public Vpc vpc() {
        return vpc;
    }

    public SubnetSelection subnets(Zone zone) {
        return SubnetSelection.builder().subnetGroupName(subnetGroup(zone)).build();
    }

    public SecurityGroup zone(Zone zone) {
        return zone == Zone.CORE ? coreZone : cdpZone;
    }
}
