package io.cdp.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.audit.Purpose;
import io.cdp.pii.crypto.CoreZoneCredentials;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.FieldContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An erasure reaches another process's cache within the documented bound. The other process is a child JVM
 * ({@link ErasureProbe}) with nothing in memory shared with this one: only the emulator's {@code pii-keys} table.
 */
@AwsEmulatorTest
class CrossProcessErasureIT {

    private static final Duration REVALIDATE_AFTER = Duration.ofSeconds(1);
    /** Slack for one command round trip to the child and its consistent read on a loaded two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private static final CoreZoneCredentials CORE =
            CoreZoneCredentials.fromConfiguration("core", "cross-process-it", Set.of("pii:decrypt"));

    @Test
    void anErasureHereStopsAnotherProcessDecryptingFromItsCacheWithinTheRevalidationPeriod(
            AwsClients clients, CdpResources names) throws Exception {
        PiiProtection here = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        String subject = here.tokenizer().customer("4001").value();
        Ciphertext name =
                here.encryptor().encrypt(subject, new FieldContext("customer", subject, "name"), "Hazel Probe");
        String decrypt = "decrypt " + name.value() + " " + subject + " name";

        Process child = start(clients, names);
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("READY");
            in.println(decrypt);
            assertThat(out.readLine()).isEqualTo("OK Hazel_Probe");

            here.decryptor(CORE).erase(subject, "dpo", Purpose.ERASURE_REQUEST);
            long erasedAt = System.nanoTime();
            List<String> answers = new ArrayList<>();
            String answer;
            do {
                in.println(decrypt);
                answer = out.readLine();
                answers.add(answer);
                if (!"SHREDDED".equals(answer)) {
                    Thread.sleep(100);
                }
            } while (!"SHREDDED".equals(answer)
                    && System.nanoTime() - erasedAt
                            < REVALIDATE_AFTER.plus(SLACK).toNanos());
            Duration reached = Duration.ofNanos(System.nanoTime() - erasedAt);

            assertThat(answer).as("answers after the erasure: %s", answers).isEqualTo("SHREDDED");
            assertThat(reached).isLessThanOrEqualTo(REVALIDATE_AFTER.plus(SLACK));
            assertThat(answers).allMatch(a -> a.equals("OK Hazel_Probe") || a.equals("SHREDDED"));
            in.println("encrypt " + subject);
            assertThat(out.readLine()).isEqualTo("ERASED");
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(AwsClients clients, CdpResources names) throws Exception {
        AwsEmulator emulator = AwsEmulator.shared();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ErasureProbe.class.getName(),
                        Long.toString(REVALIDATE_AFTER.toMillis()))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_ENDPOINT_URL_"));
        env.put("AWS_ENDPOINT_URL", emulator.endpoint().toString());
        env.put("AWS_REGION", clients.settings().region().id());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("CDP_RESOURCE_NAMESPACE", names.namespace());
        return builder.start();
    }
}
