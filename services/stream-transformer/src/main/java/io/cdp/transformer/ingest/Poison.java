package io.cdp.transformer.ingest;

import io.cdp.kinesis.ingest.RawRecord;

/**
 * A record the transformer will not process, and why. The reason is a short code (the metric's tag); the detail
 * names fields and rules, never field values (a malformed record may hold personal data in the wrong place).
 */
public record Poison(String reason, String detail, RawRecord raw) {}
