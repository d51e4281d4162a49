package io.cdp.c360.profile;

/**
 * Merchant category groups for the category mix, by ISO 18245 MCC ranges (the features library has no grouping: its
 * MCC signal is a fraud-risk table, not a category). Coarse on purpose: a mix over a dozen groups is readable, one
 * over hundreds of codes is not.
 */
public enum MccGroup {
    TRAVEL,
    GROCERY,
    DINING,
    FUEL_AUTO,
    RETAIL,
    ENTERTAINMENT,
    HEALTH,
    SERVICES,
    UTILITIES,
    CASH_FINANCIAL,
    OTHER;

    public static MccGroup of(int mcc) {
        if ((mcc >= 3000 && mcc <= 3999) || (mcc >= 4011 && mcc <= 4789) || mcc == 7011 || mcc == 7512) {
            return TRAVEL;
        }
        if (mcc == 5411 || mcc == 5422 || mcc == 5441 || mcc == 5451 || mcc == 5462 || mcc == 5499) {
            return GROCERY;
        }
        if (mcc >= 5811 && mcc <= 5814) {
            return DINING;
        }
        if ((mcc >= 5511 && mcc <= 5599) || mcc == 7531 || mcc == 7538 || mcc == 7542) {
            return FUEL_AUTO;
        }
        if (mcc >= 4812 && mcc <= 4900) {
            return UTILITIES;
        }
        if (mcc == 6010 || mcc == 6011 || mcc == 6012 || mcc == 6051 || mcc == 6300 || mcc == 6540) {
            return CASH_FINANCIAL;
        }
        if (mcc >= 8011 && mcc <= 8099 || mcc == 5912 || mcc == 5122) {
            return HEALTH;
        }
        if ((mcc >= 7800 && mcc <= 7999) || mcc == 5815 || mcc == 5816 || mcc == 5817 || mcc == 5818) {
            return ENTERTAINMENT;
        }
        if (mcc >= 5200 && mcc <= 5999) {
            return RETAIL;
        }
        if (mcc >= 7000 && mcc <= 8999) {
            return SERVICES;
        }
        return OTHER;
    }
}
