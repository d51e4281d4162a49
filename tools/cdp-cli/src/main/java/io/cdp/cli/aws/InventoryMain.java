package io.cdp.cli.aws;

import io.cdp.aws.AwsClients;
import io.cdp.aws.inventory.Inventory;
import io.cdp.cli.CliAws;
import io.cdp.events.resources.CdpResources;

/**
 * {@code ./cdp aws inventory [namespace]}: one line per registry resource with what it holds. With
 * {@code --count <stream>} prints only that stream's record count (for scripts that wait on a pipeline);
 * {@code --sample-card} prints the token of one card that has online features.
 */
public final class InventoryMain {

    private InventoryMain() {}

    public static void main(String[] args) {
        AwsClients clients = CliAws.clients();
        if (!clients.settings().isLocal()) {
            System.err.println("inventory: AWS_ENDPOINT_URL is not set; this command reads a local emulator only");
            System.exit(2);
        }
        String namespace = null;
        String countStream = null;
        boolean sampleCard = false;
        for (int i = 0; i < args.length; i++) {
            if ("--count".equals(args[i]) && i + 1 < args.length) {
                countStream = args[++i];
            } else if ("--sample-card".equals(args[i])) {
                sampleCard = true;
            } else {
                namespace = args[i];
            }
        }
        CdpResources names = namespace != null ? CdpResources.fromValue(namespace) : CliAws.names();
        Inventory inventory = new Inventory(clients, names);
        if (sampleCard) {
            System.out.println(inventory.sampleCardToken().orElse(""));
            return;
        }
        if (countStream != null) {
            System.out.println(inventory.streamRecords(names.namespace() + countStream));
            return;
        }
        System.out.printf("%-9s %-44s %10s%n", "service", "resource", "holds");
        for (Inventory.Line line : inventory.take()) {
            System.out.printf("%-9s %-44s %10d %s%n", line.kind(), line.name(), line.count(), line.unit());
        }
    }
}
