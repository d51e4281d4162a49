package io.cdp.alerting.context;

/** The contact details for one alert, from the core zone's audited path (purpose FRAUD_ALERT_DELIVERY). */
public interface ContactDirectory {

    /**
     * @throws ContactUnavailableException when the customer was erased or has no contact data
     */
    Contact lookup(String customerToken, String cardToken, String alertId);

    /** First name and contact details for a marketing message (purpose CUSTOMER_CONTACT, no card). */
    Contact lookupForCampaign(String customerToken, String campaignId);

    final class ContactUnavailableException extends RuntimeException {
        public ContactUnavailableException(String message) {
            super(message);
        }
    }
}
