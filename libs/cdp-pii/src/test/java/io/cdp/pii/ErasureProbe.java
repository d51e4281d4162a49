package io.cdp.pii;

import io.cdp.aws.AwsClients;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.CoreZoneCredentials;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.pii.crypto.KeyShreddedException;
import io.cdp.pii.crypto.PiiDecryptor;
import io.cdp.pii.crypto.SubjectErasedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The other process of {@link CrossProcessErasureIT}: its own JVM, its own PII stack and cache, the same emulator
 * tables (AWS settings and namespace from the environment). Answers one line per command read from stdin:
 * {@code decrypt <ciphertext> <recordId> <field>} and {@code encrypt <keyRef>} with {@code OK [value]},
 * {@code SHREDDED} or {@code ERASED}.
 */
public final class ErasureProbe {

    private ErasureProbe() {}

    public static void main(String[] args) throws Exception {
        Duration revalidateAfter = Duration.ofMillis(Long.parseLong(args[0]));
        PiiProtection pii = PiiProtection.fromAws(
                AwsClients.fromEnvironment(),
                CdpResources.fromEnvironment(),
                new DataKeyCache.Limits(10_000, Duration.ofMinutes(5), 1_000_000, revalidateAfter),
                null);
        PiiDecryptor decryptor = pii.decryptor(CoreZoneCredentials.fromConfiguration(
                "core", "erasure-probe", List.of(CoreZoneCredentials.DECRYPT_SCOPE)));
        System.out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] cmd = line.split(" ");
            try {
                if (cmd[0].equals("decrypt")) {
                    String value = decryptor.decrypt(
                            new Ciphertext(cmd[1]),
                            new FieldContext("customer", cmd[2], cmd[3]),
                            "probe",
                            Purpose.FRAUD_INVESTIGATION);
                    System.out.println("OK " + value.replace(' ', '_'));
                } else {
                    pii.encryptor().encrypt(cmd[1], new FieldContext("customer", cmd[1], "name"), "probe");
                    System.out.println("OK");
                }
            } catch (KeyShreddedException e) {
                System.out.println("SHREDDED");
            } catch (SubjectErasedException e) {
                System.out.println("ERASED");
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e.getClass().getSimpleName());
            }
            System.out.flush();
        }
    }
}
