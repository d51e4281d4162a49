package io.cdp.alerting.delivery;

import io.cdp.alerting.compose.Placeholders;
import io.cdp.alerting.context.Contact;

/** Puts the customer's first name and card last four into a validated text, here in the core zone, just before sending. */
public final class PlaceholderFiller {

    private PlaceholderFiller() {}

    public static String fill(String text, Contact contact) {
        // the name is data, not markup: strip anything that could read as a placeholder or a line break
        String name = contact.firstName().replaceAll("[{}\\p{Cntrl}]", "").strip();
        if (name.length() > Placeholders.MAX_FIRST_NAME_LENGTH) {
            name = name.substring(0, Placeholders.MAX_FIRST_NAME_LENGTH);
        }
        String last4 = contact.cardLast4().replaceAll("\\D", "");
        if (last4.length() != 4) {
            throw new IllegalArgumentException("card last four must be 4 digits");
        }
        return text.replace(Placeholders.FIRST_NAME, name).replace(Placeholders.CARD_LAST4, last4);
    }
}
