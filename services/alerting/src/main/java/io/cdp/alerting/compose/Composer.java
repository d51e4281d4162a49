package io.cdp.alerting.compose;

/** Writes one message for one channel from masked context; the text holds placeholders, never personal data. */
public interface Composer {

    Composition compose(AlertContext context);
}
