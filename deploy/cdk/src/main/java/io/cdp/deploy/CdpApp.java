package io.cdp.deploy;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code ./cdp deploy synth} runs it and writes the CloudFormation templates to deploy/cdk/cdk.out; the
 * CDK CLI ({@code npx aws-cdk@2 deploy --app cdk.out}) deploys them (README, "Deploying to AWS").
 */
public final class CdpApp {

    private CdpApp() {}

    public static void main(String[] args) {
        // -c key=value as the CDK CLI takes it; templates to $CDK_OUTDIR (set by the CLI) or ./cdk.out
        Map<String, Object> context = new HashMap<>(Compliance.TEMPLATE_VALIDATION);
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-c") || args[i].equals("--context")) && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                if (kv.length != 2) throw new IllegalArgumentException("expected -c key=value, got " + args[i]);
                context.put(kv[0], kv[1]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + " (use -c key=value)");
            }
        }
        String outdir = System.getenv().getOrDefault("CDK_OUTDIR", "cdk.out");
        App app = new App(AppProps.builder().outdir(outdir).context(context).build());
        CdpSettings settings = CdpSettings.fromContext(app.getNode());
        // the region must be concrete (ALB access logging and the VPC endpoints' service names depend on it); the
        // account may stay a deploy-time value. The CDK CLI sets CDK_DEFAULT_*; ./cdp deploy synth takes -c region=.
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        Object regionContext = app.getNode().tryGetContext("region");
        String region = regionContext != null
                ? regionContext.toString()
                : firstNonBlank(System.getenv("CDK_DEFAULT_REGION"), System.getenv("AWS_REGION"), "eu-west-1");
        StackProps props = StackProps.builder()
                .description("CDP suite: network, data, keys, ECS Fargate services, ML, Bedrock access, alarms")
                .env(Environment.builder().account(account).region(region).build())
                .build();
        // cdk-nag's AwsSolutions and PCI DSS 3.2.1 packs run on every synth: an unsuppressed finding is printed
        Compliance.checkWithRulePacks(app);
        Compliance.suppress(new CdpStack(app, "CdpStack", props, settings));
        app.synth();
        System.out.println("synthesised CdpStack (region " + region + ") into " + app.getOutdir());
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        throw new IllegalStateException("no value");
    }
}
