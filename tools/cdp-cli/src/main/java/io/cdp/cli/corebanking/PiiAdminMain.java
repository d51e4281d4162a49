package io.cdp.cli.corebanking;

import io.cdp.aws.AwsClients;
import io.cdp.cli.CliAws;
import io.cdp.core.erasure.CustomerErasure;
import io.cdp.core.store.CoreStore;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.CoreZoneCredentials;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.PiiDecryptor;
import io.cdp.pii.token.TokenKeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Core-zone PII administration:
 * <ul>
 *   <li>{@code ./cdp pii erase --customer ID --purpose ERASURE_REQUEST|REGULATORY_REQUEST [--operator WHO]}:
 *       crypto-shreds one customer and removes their plaintext from the core tables (audited);</li>
 *   <li>{@code ./cdp pii rotate --to KEY_ID_OR_ALIAS}: re-wraps every customer data key under a new KMS master
 *       key (KMS ReEncrypt); no ciphertext anywhere changes.</li>
 *   <li>{@code ./cdp pii token-keys list|rotate|retire --version N}: the versioned tokenization keys (ADR 0010):
 *       rotate adds the next version, which processes use for new tokens once restarted; retire deletes an old one,
 *       ending joins through its tokens.</li>
 * </ul>
 */
public final class PiiAdminMain {

    private PiiAdminMain() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
        }
        if (args[0].equals("token-keys")) {
            AwsClients clients = CliAws.clients();
            tokenKeys(args, PiiProtection.tokenKeys(clients, CliAws.names(), clients.kms()));
            return;
        }
        String customer = null;
        String purpose = null;
        String operator = System.getProperty("user.name", "operator");
        String to = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--customer" -> customer = args[++i];
                case "--purpose" -> purpose = args[++i];
                case "--operator" -> operator = args[++i];
                case "--to" -> to = args[++i];
                default -> usage();
            }
        }
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        switch (args[0]) {
            case "erase" -> {
                if (customer == null || purpose == null) {
                    usage();
                }
                Purpose why = Purpose.parse(purpose.toUpperCase(Locale.ROOT).replace('-', '_'))
                        .orElse(null);
                if (why == null || !why.justifiesErasure()) {
                    System.err.println("pii erase: --purpose must be one of " + Purpose.forErasure());
                    System.exit(2);
                }
                PiiDecryptor decryptor = pii.decryptor(CoreZoneCredentials.fromConfiguration(
                        "core", "cdp-cli", List.of(CoreZoneCredentials.DECRYPT_SCOPE)));
                // announced on the customers stream like core-banking's own erasures (customer-360 erases the profile)
                CustomerErasure.Result erased = new CustomerErasure(
                                pii.tokenizer(),
                                decryptor,
                                new CoreStore(clients.dynamoDb(), names),
                                Clock.systemUTC(),
                                new io.cdp.core.erasure.KinesisErasureEvents(
                                        clients.kinesis(), names, new io.cdp.events.codec.EventCodec()))
                        .erase(customer, operator, why);
                System.out.println("erased customer_token=" + erased.customerToken() + " cards=" + erased.cards());
            }
            case "rotate" -> {
                if (to == null) {
                    usage();
                }
                System.out.println("rewrapped data_keys=" + pii.subjectKeys().rewrapAll(to));
            }
            default -> usage();
        }
    }

    private static void tokenKeys(String[] args, TokenKeyStore keys) {
        String action = args.length > 1 ? args[1] : "list";
        switch (action) {
            case "list" -> System.out.println("token_key_versions=" + keys.versions());
            case "rotate" -> System.out.println("token_key_current=" + keys.rotate());
            case "retire" -> {
                if (args.length != 4 || !args[2].equals("--version")) {
                    usage();
                }
                keys.retire(Integer.parseInt(args[3]));
                System.out.println("token_key_versions=" + keys.versions());
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println(
                "usage: ./cdp pii erase --customer ID --purpose ERASURE_REQUEST|REGULATORY_REQUEST [--operator WHO]");
        System.err.println("       ./cdp pii rotate --to KMS_KEY_ID_OR_ALIAS");
        System.err.println("       ./cdp pii token-keys list|rotate|retire --version N");
        System.exit(2);
    }
}
