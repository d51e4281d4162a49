package io.cdp.cli.scoring;

import io.cdp.aws.test.RepositoryRoot;
import io.cdp.service.security.DevTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./cdp token [--scope S]... [--ttl MINUTES] [--subject NAME] [--audience AUD]}: prints a development JWT for
 * the local profile, signed with {@code .cdp/dev-jwt.key} (created on first use, never committed). Default scope
 * {@code fraud:score}; any other scope, {@code pii:decrypt} included, only when named. It expires after
 * {@code --ttl} minutes, default and at most 60. Production tokens come from the bank's identity provider, never
 * from here.
 */
public final class TokenMain {

    private TokenMain() {}

    public static void main(String[] args) {
        List<String> scopes = new ArrayList<>();
        Duration ttl = DevTokens.MAX_TTL;
        String subject = System.getProperty("user.name", "developer");
        String audience = DevTokens.AUDIENCE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scope" -> scopes.addAll(List.of(value(args, ++i).split("[ ,]+")));
                case "--ttl" -> ttl = Duration.ofMinutes(Long.parseLong(value(args, ++i)));
                case "--subject" -> subject = value(args, ++i);
                case "--audience" -> audience = value(args, ++i);
                default -> usage();
            }
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(DevTokens.MAX_TTL) > 0) {
            System.err.println("cdp token: --ttl is 1 to " + DevTokens.MAX_TTL.toMinutes()
                    + " minutes; development tokens never live longer");
            System.exit(2);
        }
        if (scopes.isEmpty()) {
            scopes.add("fraud:score");
        }
        Path keyFile = keyFile();
        System.out.println(DevTokens.mint(DevTokens.keyFromFile(keyFile), subject, scopes, ttl, audience));
        System.err.println("token: scopes " + scopes + ", valid " + ttl.toMinutes() + " min, signed with "
                + RepositoryRoot.find().relativize(keyFile) + " (local profile only)");
    }

    private static void usage() {
        System.err.println("usage: ./cdp token [--scope fraud:score|models:admin|pii:decrypt|...]... [--ttl MINUTES "
                + "(at most " + DevTokens.MAX_TTL.toMinutes() + ")] [--subject NAME] [--audience AUD]");
        System.exit(2);
    }

    /** {@code CDP_DEV_KEY_FILE} or {@code .cdp/dev-jwt.key} of the repository: the file the local profile reads. */
    public static Path keyFile() {
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
