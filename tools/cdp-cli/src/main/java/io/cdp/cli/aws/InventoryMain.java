package io.cdp.cli.aws;

import io.cdp.aws.AwsClients;
import io.cdp.aws.inventory.Inventory;
import io.cdp.cli.CliAws;
import io.cdp.events.resources.CdpResources;

/**
 * {@code ./cdp aws inventory [namespace]}: one line per registry resource with what it holds. With
 * {@code --count <stream>} prints only that stream's record count (for scripts that wait on a pipeline);
 * {@code --sample-card} prints the token of one card that has online features; with {@code --with-time}, also the
 * time of the last transaction its state holds (ISO-8601), so a caller can score the card's next purchase.
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
        boolean withTime = false;
        for (int i = 0; i < args.length; i++) {
            if ("--count".equals(args[i]) && i + 1 < args.length) {
                countStream = args[++i];
            } else if ("--sample-card".equals(args[i])) {
                sampleCard = true;
            } else if ("--with-time".equals(args[i])) {
                withTime = true;
            } else {
                namespace = args[i];
            }
        }
        CdpResources names = namespace != null ? CdpResources.fromValue(namespace) : CliAws.names();
        Inventory inventory = new Inventory(clients, names);
        if (sampleCard) {
            boolean time = withTime;
            System.out.println(inventory
                    .sampleCard()
                    .map(c -> time ? c.token() + " " + java.time.Instant.ofEpochMilli(c.lastEventMillis()) : c.token())
                    .orElse(""));
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
