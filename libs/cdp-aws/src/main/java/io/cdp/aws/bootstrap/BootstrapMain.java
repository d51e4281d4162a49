package io.cdp.aws.bootstrap;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;

/**
 * The one-shot init container of {@code docker-compose.yml}: creates every registry resource on the emulator named by
 * {@code AWS_ENDPOINT_URL} (namespace {@code CDP_RESOURCE_NAMESPACE}) and exits. It lives here, not in tools/cdp-cli,
 * because every service image already carries this library: compose runs it from the core-banking image with
 * {@code java -cp ... io.cdp.aws.bootstrap.BootstrapMain}, so no developer tool ships in an image. It refuses to run
 * without an endpoint, so it never touches a real account (deploy/cdk creates those resources).
 */
public final class BootstrapMain {

    private BootstrapMain() {}

    public static void main(String[] args) {
        AwsClients clients = AwsClients.fromEnvironment();
        if (!clients.settings().isLocal()) {
            System.err.println("bootstrap: AWS_ENDPOINT_URL is not set; this only prepares a local emulator");
            System.exit(2);
        }
        CdpResources names = CdpResources.fromEnvironment();
        var report = new ResourceBootstrap(clients, names).createAll();
        report.outcomes().forEach((name, outcome) -> System.out.printf("  %-8s %s%n", outcome, name));
        System.out.printf(
                "bootstrap: %d resources, %d created, endpoint %s%n",
                report.outcomes().size(), report.created(), clients.settings().endpoint());
    }
}
