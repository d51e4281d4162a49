package io.cdp.transformer.ingest;

import java.util.List;

/** Where poison records go so that the stream keeps moving. */
public interface DeadLetterSink {

    void send(List<DeadLetter> deadLetters);
}
