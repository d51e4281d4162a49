package io.cdp.alerting.compose;

/** How a message reaches the customer. */
public enum MessageChannel {
    SMS,
    EMAIL
}
