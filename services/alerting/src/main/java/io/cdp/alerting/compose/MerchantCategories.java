package io.cdp.alerting.compose;

import java.util.Map;

/** Customer-friendly words for the commonest merchant category codes (ISO 18245); the rest say "a merchant". */
final class MerchantCategories {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(4111, "a transport service"),
            Map.entry(4121, "a taxi or rideshare service"),
            Map.entry(4511, "an airline"),
            Map.entry(4814, "a telecom service"),
            Map.entry(4829, "a money transfer service"),
            Map.entry(4900, "a utility"),
            Map.entry(5300, "a wholesale club"),
            Map.entry(5310, "a discount store"),
            Map.entry(5311, "a department store"),
            Map.entry(5411, "a grocery store"),
            Map.entry(5499, "a food store"),
            Map.entry(5541, "a gas station"),
            Map.entry(5651, "a clothing store"),
            Map.entry(5732, "an electronics store"),
            Map.entry(5812, "a restaurant"),
            Map.entry(5814, "a fast food restaurant"),
            Map.entry(5912, "a pharmacy"),
            Map.entry(5942, "a book store"),
            Map.entry(5999, "a retail store"),
            Map.entry(6011, "a cash machine"),
            Map.entry(7011, "a hotel"),
            Map.entry(7832, "a cinema"),
            Map.entry(7995, "a betting or gaming merchant"));

    private MerchantCategories() {}

    static String describe(int mcc) {
        return NAMES.getOrDefault(mcc, "a merchant");
    }
}
