package io.cdp.kinesis.ingest;

/** One Kinesis record as received: its bytes, untouched, and its sequence number within the shard. */
public record RawRecord(byte[] data, String sequenceNumber) {}
