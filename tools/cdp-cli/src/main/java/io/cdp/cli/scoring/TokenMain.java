package io.cdp.cli.scoring;

import io.cdp.aws.test.RepositoryRoot;
import io.cdp.service.security.DevTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./cdp token [--scope S]... [--ttl MINUTES] [--subject NAME]}: prints a development JWT for the local
 * profile, signed with {@code .cdp/dev-jwt.key} (created on first use, never committed). Default scope
 * {@code fraud:score}. Production tokens come from the bank's identity provider, never from here.
 */
public final class TokenMain {

    private TokenMain() {}

    public static void main(String[] args) {
        List<String> scopes = new ArrayList<>();
        Duration ttl = Duration.ofHours(8);
        String subject = System.getProperty("user.name", "developer");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scope" -> scopes.addAll(List.of(value(args, ++i).split("[ ,]+")));
                case "--ttl" -> ttl = Duration.ofMinutes(Long.parseLong(value(args, ++i)));
                case "--subject" -> subject = value(args, ++i);
                default -> {
                    System.err.println(
                            "usage: ./cdp token [--scope fraud:score|models:admin]... [--ttl MINUTES] [--subject NAME]");
                    System.exit(2);
                }
            }
        }
        if (scopes.isEmpty()) {
            scopes.add("fraud:score");
        }
        Path keyFile = keyFile();
        System.out.println(DevTokens.mint(DevTokens.keyFromFile(keyFile), subject, scopes, ttl));
        System.err.println("token: scopes " + scopes + ", valid " + ttl.toMinutes() + " min, signed with "
                + RepositoryRoot.find().relativize(keyFile) + " (local profile only)");
    }

    /** {@code CDP_DEV_KEY_FILE} or {@code .cdp/dev-jwt.key} of the repository: the file the local profile reads. */
    static Path keyFile() {
        String configured = System.getenv("CDP_DEV_KEY_FILE");
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : RepositoryRoot.find().resolve(".cdp/dev-jwt.key");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
