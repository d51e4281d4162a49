package io.cdp.transformer.alerts;

import io.cdp.events.Envelope;
import io.cdp.events.payload.FraudAlertRequestedV1;

/** Where alert requests go; at most one per transaction, however often the transaction is delivered. */
public interface AlertSink {

    /** @return true when this call sent the request, false when an earlier delivery already had */
    boolean request(Envelope<FraudAlertRequestedV1> alert);
}
