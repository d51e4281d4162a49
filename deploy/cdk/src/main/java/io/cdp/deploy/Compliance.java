package io.cdp.deploy;

import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Queue;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * The cdk-nag rule packs the stack must pass (AwsSolutions and PCI DSS 3.2.1) and the findings accepted on purpose,
 * each with its reason. Applied on every synth ({@code ./cdp deploy synth} prints any unsuppressed error) and checked
 * with zero unsuppressed errors by CdpStackTest.
 */
public final class Compliance {

    private Compliance() {}

    /** CloudFormation's own template rules as errors at synth (e.g. characters a description may not contain). */
    public static final Map<String, Object> TEMPLATE_VALIDATION =
            Map.of("@aws-cdk/core:validateAgainstDefaultRules", true);

    public static void checkWithRulePacks(IConstruct scope) {
        Aspects.of(scope)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        Aspects.of(scope)
                .add(new PCIDSS321Checks(NagPackProps.builder().verbose(true).build()));
    }

    /** Stack-wide decisions, then the ones that concern one resource, attached to it. */
    public static void suppress(CdpStack stack) {
        NagSuppressions.addStackSuppressions(stack, STACK_WIDE, true);
        KeysAndData data = stack.data();
        NagSuppressions.addResourceSuppressions(
                data.accessLogs(),
                List.of(
                        because(
                                "PCI.DSS.321-S3DefaultEncryptionKMS",
                                "ALB access logs can only be delivered to a bucket with SSE-S3 (AES-256); it holds "
                                        + "request metadata, never payloads, and is private, TLS-only and versioned"),
                        because(
                                "PCI.DSS.321-S3BucketReplicationEnabled",
                                "access logs are not replicated: losing a region loses its own request logs only")),
                true);
        for (Bucket bucket : Bucket.values()) {
            NagSuppressions.addResourceSuppressions(
                    data.bucket(bucket),
                    List.of(because(
                            "PCI.DSS.321-S3BucketReplicationEnabled",
                            "cross-region replication is the bank's disaster-recovery decision (a second region "
                                    + "and its key); the buckets are versioned and the lake can be re-extracted")),
                    true);
        }
        NagSuppressions.addResourceSuppressions(
                data.queue(Queue.STREAM_DEAD_LETTERS),
                List.of(because(
                        "AwsSolutions-SQS3",
                        "this queue is itself the final dead-letter destination of the stream consumers "
                                + "(reason and pointer of each quarantined record); a DLQ of a DLQ has no reader")),
                true);
        if (stack.settings().certificateArn() == null) {
            String reason = "without -c certificateArn=... the internal ALB listens in HTTP inside the private VPC "
                    + "only (no internet route); with a certificate the listeners are HTTPS and this does not apply";
            NagSuppressions.addResourceSuppressions(
                    stack.compute().alb(),
                    List.of(
                            because("PCI.DSS.321-ALBHttpToHttpsRedirection", reason),
                            because("PCI.DSS.321-ELBv2ACMCertificateRequired", reason)),
                    true);
        }
    }

    static final List<NagPackSuppression> STACK_WIDE = List.of(
            because(
                    "AwsSolutions-IAM5",
                    "every wildcard is scoped: CDK grant action groups (s3:GetObject*, kms:GenerateDataKey*) on one "
                            + "bucket prefix or key ARN, KCL's tables named <group>*, ECR's GetAuthorizationToken and "
                            + "CloudWatch's PutMetricData (which accept no resource; the latter limited by a "
                            + "cloudwatch:namespace condition), and SES identities of the bank's sending domain"),
            because(
                    "PCI.DSS.321-IAMNoInlinePolicy",
                    "each task and execution role has its own policy generated from its grants (least privilege per "
                            + "role); a managed policy would be shared between roles and so wider"),
            because(
                    "AwsSolutions-ECS2",
                    "the environment holds non-secret settings only (namespace, port, JWT issuer URI, model id); the "
                            + "tasks have no secrets: AWS access comes from the task role, JWT keys from the issuer"));

    static NagPackSuppression because(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }
}
