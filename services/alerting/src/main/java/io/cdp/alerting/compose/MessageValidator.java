package io.cdp.alerting.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Output validation before anything is sent: every composed text (the model's and the templates') passes each named
 * {@link Check}, or it is not used. Checks run on the text with placeholders; lengths are measured with the
 * placeholders at their longest fill.
 */
public final class MessageValidator {

    /** One rule, named so that a failure says which. */
    public record Check(String name, BiPredicate<Candidate, MessageValidator> passes) {}

    /** A fraud alert (both placeholders, asks for an answer) or a marketing message (first name only, no answer). */
    public enum Kind {
        ALERT,
        CAMPAIGN
    }

    /** What is validated: the text, the channel, the untrusted inputs the model saw. */
    public record Candidate(
            MessageChannel channel, @Nullable String subject, String body, List<String> untrusted, Kind kind) {

        public Candidate(MessageChannel channel, @Nullable String subject, String body, List<String> untrusted) {
            this(channel, subject, body, untrusted, Kind.ALERT);
        }

        String all() {
            return (subject == null ? "" : subject + "\n") + body;
        }
    }

    public record Result(List<String> failed) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    private static final Pattern BRACES = Pattern.compile("\\{\\{[A-Z0-9_]+}}|[{}]");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|ftp://|www\\.)[^\\s]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|co|info|biz"
                    + "|xyz|ly|me|app|link|click|top|online|site|us|uk|de|es|fr|ru|cn|example)\\b(?:/[^\\s]*)?");
    private static final Pattern EMAIL = Pattern.compile("(?i)[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");
    /** A phone-like run: 7 or more digits, optionally with +, spaces, dots, dashes and parentheses between. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}\\.\\d{2}");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d(?:[\\s-]?\\d){11,}");
    private static final Pattern CREDENTIAL_REQUEST = Pattern.compile(
            "(?i)\\b(?:pin|pins|password|passcode|passwords|one[- ]time (?:code|password|passcode)|otp|verification code"
                    + "|security code|cvv|cvc|full card number|card number|account number|routing number"
                    + "|(?:transfer|wire|send|move) (?:the |your )?(?:money|funds|payment)|gift cards?|log ?in details"
                    + "|contraseña|clave)\\b");
    private static final Pattern YES = Pattern.compile("\\bYES\\b");
    private static final Pattern NO = Pattern.compile("\\bNO\\b");
    private static final Pattern STOP = Pattern.compile("\\bSTOP\\b");
    private static final Pattern HELP = Pattern.compile("\\bHELP\\b");
    private static final Pattern APP = Pattern.compile("(?i)\\bapp\\b");
    private static final Pattern INJECTION = Pattern.compile(
            "(?i)\\b(?:ignore (?:all |any |the )?(?:previous|prior|above)|system prompt|instructions?|as an ai"
                    + "|assistant:|<\\/?[a-z_]+>)");

    public static final int SMS_MAX = 320;
    public static final int EMAIL_MAX = 2000;
    public static final int SUBJECT_MAX = 100;

    private final Set<String> bankDomains;
    private final Set<String> bankEmails;
    private final Set<String> bankPhoneDigits;
    private final List<Check> checks = List.of(
            new Check("placeholders", (c, v) -> placeholders(c)),
            new Check("no-url", (c, v) -> v.allowedOnly(URL, c.all(), v::allowedUrl)),
            new Check("no-email-address", (c, v) -> v.allowedOnly(EMAIL, c.all(), v::allowedEmail)),
            new Check("no-phone-number", (c, v) -> v.allowedOnly(PHONE, c.all(), v::allowedPhone)),
            new Check(
                    "no-long-digit-run", (c, v) -> !LONG_DIGITS.matcher(c.all()).find()),
            new Check(
                    "no-credential-or-transfer-request",
                    (c, v) -> !CREDENTIAL_REQUEST.matcher(c.all()).find()),
            new Check(
                    "asks-for-answer",
                    (c, v) -> c.kind() == Kind.CAMPAIGN
                            || (c.channel() == MessageChannel.SMS
                                    ? YES.matcher(c.body()).find()
                                            && NO.matcher(c.body()).find()
                                    : APP.matcher(c.body()).find())),
            new Check(
                    "sms-stop-help",
                    (c, v) -> c.channel() != MessageChannel.SMS
                            || (STOP.matcher(c.body()).find()
                                    && HELP.matcher(c.body()).find())),
            new Check("length", (c, v) -> length(c)),
            new Check("no-untrusted-echo", (c, v) -> noUntrustedEcho(c)),
            new Check(
                    "no-injection-markers",
                    (c, v) -> !INJECTION.matcher(c.all()).find()));

    /**
     * @param bankDomains    domains the bank's own messages may name (e.g. {@code bank.example})
     * @param bankEmails     the bank's addresses a message may name
     * @param bankPhones     the bank's numbers a message may name (compared by digits)
     */
    public MessageValidator(Set<String> bankDomains, Set<String> bankEmails, Set<String> bankPhones) {
        this.bankDomains = lower(bankDomains);
        this.bankEmails = lower(bankEmails);
        this.bankPhoneDigits =
                Set.copyOf(bankPhones.stream().map(p -> p.replaceAll("\\D", "")).toList());
    }

    public List<String> checkNames() {
        return checks.stream().map(Check::name).toList();
    }

    public Result validate(Candidate candidate) {
        List<String> failed = new ArrayList<>();
        for (Check check : checks) {
            if (!check.passes().test(candidate, this)) {
                failed.add(check.name());
            }
        }
        return new Result(List.copyOf(failed));
    }

    public Result validate(Composition composition, List<String> untrusted) {
        return validate(new Candidate(composition.channel(), composition.subject(), composition.body(), untrusted));
    }

    private static boolean placeholders(Candidate c) {
        boolean alert = c.kind() == Kind.ALERT;
        if (!c.body().contains(Placeholders.FIRST_NAME) || (alert && !c.body().contains(Placeholders.CARD_LAST4))) {
            return false;
        }
        Matcher m = BRACES.matcher(c.all());
        while (m.find()) {
            boolean allowed = alert ? Placeholders.ALL.contains(m.group()) : Placeholders.FIRST_NAME.equals(m.group());
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean length(Candidate c) {
        String filled = c.body()
                .replace(Placeholders.FIRST_NAME, "x".repeat(Placeholders.MAX_FIRST_NAME_LENGTH))
                .replace(Placeholders.CARD_LAST4, "0000");
        if (filled.isBlank()) {
            return false;
        }
        if (c.channel() == MessageChannel.SMS) {
            return filled.length() <= SMS_MAX;
        }
        return filled.length() <= EMAIL_MAX
                && c.subject() != null
                && !c.subject().isBlank()
                && c.subject().length() <= SUBJECT_MAX;
    }

    /** Untrusted input may come back only when it is a plain place name; anything else echoed is an injection. */
    private static boolean noUntrustedEcho(Candidate c) {
        String text = c.all().toLowerCase(Locale.ROOT);
        for (String value : c.untrusted()) {
            if (value == null || value.isBlank() || UntrustedText.isPlainPlaceName(value)) {
                continue;
            }
            String v = value.strip().toLowerCase(Locale.ROOT);
            // the whole value, or any 4 consecutive words of it, echoed
            if (text.contains(v)) {
                return false;
            }
            String[] words = v.split("\\s+");
            for (int i = 0; i + 4 <= words.length; i++) {
                if (text.contains(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + 4)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean allowedOnly(Pattern pattern, String text, java.util.function.Predicate<String> allowed) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!allowed.test(m.group())) {
                return false;
            }
        }
        return true;
    }

    private boolean allowedUrl(String url) {
        String host =
                url.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("[/?#].*$", "");
        // an e-mail's domain part is judged by the e-mail check
        return bankDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    private boolean allowedEmail(String email) {
        return bankEmails.contains(email.toLowerCase(Locale.ROOT));
    }

    private boolean allowedPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        // an amount with cents ("12345.67") is not a phone number
        return digits.length() < 7 || AMOUNT.matcher(phone.strip()).matches() || bankPhoneDigits.contains(digits);
    }

    private static Set<String> lower(Set<String> values) {
        return Set.copyOf(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }
}
