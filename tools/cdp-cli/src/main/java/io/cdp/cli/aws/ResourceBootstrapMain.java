package io.cdp.cli.aws;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.cli.CliAws;
import io.cdp.events.resources.CdpResources;

/**
 * {@code ./cdp aws bootstrap [namespace]}: creates every registry resource on the configured endpoint and
 * prints one line per resource. Refuses to run without an endpoint, so it never touches a real account.
 */
public final class ResourceBootstrapMain {

    private ResourceBootstrapMain() {}

    public static void main(String[] args) {
        AwsClients clients = CliAws.clients();
        if (!clients.settings().isLocal()) {
            System.err.println("bootstrap: AWS_ENDPOINT_URL is not set; this command only prepares a local emulator "
                    + "(real accounts get their resources from deploy/cdk)");
            System.exit(2);
        }
        CdpResources names = args.length > 0 ? CdpResources.fromValue(args[0]) : CliAws.names();
        var report = new ResourceBootstrap(clients, names).createAll();
        report.outcomes().forEach((name, outcome) -> System.out.printf("  %-8s %s%n", outcome, name));
        System.out.printf(
                "bootstrap: %d resources, %d created, endpoint %s%n",
                report.outcomes().size(), report.created(), clients.settings().endpoint());
    }
}
