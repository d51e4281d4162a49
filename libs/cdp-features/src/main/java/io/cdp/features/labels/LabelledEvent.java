package io.cdp.features.labels;

import java.time.LocalDateTime;

/** One transaction with its (eventually known) label, grouped under a key such as a terminal id or an MCC. */
public record LabelledEvent(String key, LocalDateTime time, boolean fraud) {}
