package io.cdp.alerting.compose;

import java.util.Set;

/** The only braces a composed text may hold; filled after validation, inside this service. */
public final class Placeholders {

    public static final String FIRST_NAME = "{{FIRST_NAME}}";
    public static final String CARD_LAST4 = "{{CARD_LAST4}}";
    public static final Set<String> ALL = Set.of(FIRST_NAME, CARD_LAST4);

    /** The longest first name a filled message must still fit with (length checks measure with it). */
    public static final int MAX_FIRST_NAME_LENGTH = 30;

    private Placeholders() {}
}
