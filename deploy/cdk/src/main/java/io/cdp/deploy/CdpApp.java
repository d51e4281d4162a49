package io.cdp.deploy;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code ./cdp deploy synth} runs it and writes the CloudFormation templates to deploy/cdk/cdk.out; the
 * CDK CLI ({@code npx aws-cdk@2 deploy --app cdk.out}) deploys them (README, "Deploying to AWS").
 */
public final class CdpApp {

    private CdpApp() {}

    public static void main(String[] args) {
        App app = new App();
        CdpSettings settings = CdpSettings.fromContext(app.getNode());
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        StackProps.Builder props = StackProps.builder()
                .description("CDP suite: network, data, keys, ECS Fargate services, ML, Bedrock access, alarms");
        if (account != null && region != null) {
            props.env(Environment.builder().account(account).region(region).build());
        }
        // cdk-nag's AwsSolutions and PCI DSS 3.2.1 packs run on every synth: an unsuppressed finding is printed
        Compliance.checkWithRulePacks(app);
        Compliance.suppress(new CdpStack(app, "CdpStack", props.build(), settings));
        app.synth();
        System.out.println("synthesised CdpStack into " + app.getOutdir());
    }
}
