package io.cdp.cli.scoring;

import io.cdp.aws.test.RepositoryRoot;
import io.cdp.service.security.DevTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./cdp fuzz api [--max-examples N] [extra schemathesis options]}: installs schemathesis (pinned,
 * {@value #SCHEMATHESIS}) into {@code .venv/schemathesis/} on first use (a venv of its own, so the emulator's
 * pinned packages stay untouched), starts the service jar (local profile, namespace {@code fuzz-}), and runs
 * schemathesis against the live {@code /v3/api-docs} with a token holding every scope. Fails when any generated
 * request gets a 5xx (or breaks another default check).
 */
public final class FuzzMain {

    static final String SCHEMATHESIS = "schemathesis==4.32.5";

    private FuzzMain() {}

    public static void main(String[] args) throws Exception {
        Path root = RepositoryRoot.find();
        Path venv = root.resolve(".venv/schemathesis");
        Path st = venv.resolve("bin/schemathesis");
        if (!Files.isExecutable(st) || !installedVersionMatches(venv)) {
            System.err.println("fuzz: installing " + SCHEMATHESIS + " into .venv/schemathesis/");
            run(List.of("python3", "-m", "venv", venv.toString()), root);
            run(
                    List.of(
                            venv.resolve("bin/pip").toString(),
                            "install",
                            "--quiet",
                            "--disable-pip-version-check",
                            SCHEMATHESIS),
                    root);
        }
        String maxExamples = "250";
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--max-examples") && i + 1 < args.length) {
                maxExamples = args[++i];
            } else {
                extra.add(args[i]);
            }
        }
        int exit;
        try (ServiceProcess service = ServiceProcess.start(
                "fuzz", Map.of("CDP_RESOURCE_NAMESPACE", "fuzz-", "LOG_FORMAT", ""), List.of("-Xmx512m"))) {
            String token = DevTokens.mint(
                    DevTokens.keyFromFile(TokenMain.keyFile()),
                    "fuzz",
                    List.of("fraud:score", "models:admin"),
                    Duration.ofHours(1));
            List<String> command = new ArrayList<>(List.of(
                    st.toString(),
                    "run",
                    service.baseUrl() + "/v3/api-docs",
                    "--url",
                    service.baseUrl(),
                    "--header",
                    "Authorization: Bearer " + token,
                    "--max-examples",
                    maxExamples,
                    "--seed",
                    "1",
                    "--workers",
                    "2",
                    "--no-color"));
            command.addAll(extra);
            System.err.println("fuzz: schemathesis against " + service.baseUrl() + " (log "
                    + root.relativize(service.log()) + ")");
            exit = run(command, root);
            long serverErrors = Files.readAllLines(service.log()).stream()
                    .filter(l -> l.contains("unexpected ") && l.contains("reference"))
                    .count();
            System.out.println(
                    "fuzz: schemathesis exit " + exit + "; unexpected-error log lines in the service: " + serverErrors);
        }
        // after the service is stopped: exiting inside the try would skip closing it
        System.exit(exit);
    }

    private static boolean installedVersionMatches(Path venv) {
        try {
            Process p = new ProcessBuilder(venv.resolve("bin/pip").toString(), "freeze")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().anyMatch(SCHEMATHESIS::equals);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println(line);
            }
        }
        return process.waitFor();
    }
}
