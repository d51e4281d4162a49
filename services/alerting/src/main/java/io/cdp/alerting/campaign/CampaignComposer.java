package io.cdp.alerting.campaign;

import io.cdp.alerting.compose.Composition;
import io.cdp.alerting.compose.MessageChannel;
import io.cdp.alerting.compose.Placeholders;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reviewed campaign templates: a greeting by first name (placeholder), an opening that depends on the customer's
 * segment, the marketing team's offer brief, and the opt-out wording. The brief is checked by the validator like any
 * model output (no links, numbers, credential requests...), so a careless brief is refused, not sent.
 */
public final class CampaignComposer {

    private static final Map<String, String> OPENINGS = Map.of(
            "champions", "thank you for being one of our most valued customers.",
            "loyal", "thank you for banking with us all this time.",
            "potential loyalists", "we are glad to have you with us.",
            "new customers", "welcome again, we are glad you joined us.",
            "at risk", "we have missed you lately.",
            "hibernating", "it has been a while, and we would like to welcome you back.",
            "lost", "we would love to see you again.");

    private final String bankName;

    public CampaignComposer(String bankName) {
        this.bankName = bankName;
    }

    public Composition compose(MessageChannel channel, @Nullable String segment, String brief) {
        String opening = segment == null
                ? "we have something for you."
                : OPENINGS.getOrDefault(segment.toLowerCase(Locale.ROOT), "we have something for you.");
        String offer = brief.strip();
        if (channel == MessageChannel.SMS) {
            return new Composition(
                    channel,
                    null,
                    bankName + ": Hi " + Placeholders.FIRST_NAME + ", " + opening + " " + offer
                            + " Reply HELP for help, STOP to opt out.",
                    "campaign-template",
                    null,
                    0,
                    0,
                    0,
                    null);
        }
        return new Composition(
                channel,
                "An offer for you from " + bankName,
                "Hi " + Placeholders.FIRST_NAME + ",\n\n" + capitalize(opening) + "\n\n" + offer + "\n\n"
                        + "You receive this because you agreed to offers from " + bankName
                        + "; you can change that in the " + bankName + " app at any time.",
                "campaign-template",
                null,
                0,
                0,
                0,
                null);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
