package io.cdp.transformer.ingest;

import io.cdp.events.Envelope;
import io.cdp.events.payload.TransactionScoredV1;
import java.util.List;

/** Where {@code transaction.scored.v1} events go; returns only when every one of them is stored. */
public interface ScoredEventSink {

    void publish(List<Envelope<TransactionScoredV1>> events);
}
