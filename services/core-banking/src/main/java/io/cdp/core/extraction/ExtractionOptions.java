package io.cdp.core.extraction;

/**
 * @param liveShare  the latest share of transactions (by time) replayed to Kinesis; the rest goes to the lake
 * @param speed      replay speed as a multiple of real time; 0 means as fast as possible
 * @param toStream   run the real-time path
 * @param toLake     run the batch path
 */
public record ExtractionOptions(double liveShare, double speed, boolean toStream, boolean toLake) {

    public static final ExtractionOptions DEFAULT = new ExtractionOptions(0.05, 0, true, true);

    public ExtractionOptions {
        if (liveShare < 0 || liveShare > 1) {
            throw new IllegalArgumentException("liveShare must be within [0, 1]");
        }
        if (speed < 0) {
            throw new IllegalArgumentException("speed must be >= 0 (0 = as fast as possible)");
        }
    }
}
